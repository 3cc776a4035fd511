/**
 * DOM building without markup strings: every piece of data reaches the page through
 * textContent or an attribute, so a demand titled "<img onerror=…>" stays text.
 */

// Set as properties: as attributes they only give the initial state, not the current one.
const PROPERTIES = new Set(['value', 'checked', 'disabled', 'selected', 'hidden', 'open']);

/**
 * h('button', { class: 'btn', dataset: { action: 'approve' }, onClick }, 'text', child)
 * null, undefined and false props or children are skipped, which keeps conditional UI inline.
 */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') {
      element.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (key === 'dataset') {
      for (const [name, data] of Object.entries(value)) {
        if (data !== undefined && data !== null) element.dataset[name] = String(data);
      }
    } else if (key === 'style') {
      Object.assign(element.style, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (PROPERTIES.has(key)) {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof window.Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces an element's content, keeping focus and caret on the control the user was in. */
export function replaceContent(container, ...children) {
  const restore = rememberFocus(container);
  container.replaceChildren();
  append(container, children);
  restore();
}

// Live updates re-render lists while someone may be typing a reason or a quantity; controls
// carry a data-key that survives the re-render, so focus and caret can be put back.
function rememberFocus(container) {
  const active = document.activeElement;
  if (!active || !container.contains(active) || !(active instanceof HTMLElement)) return () => {};
  const key = active.dataset.key;
  if (!key) return () => {};
  let selection = null;
  try {
    selection = [active.selectionStart, active.selectionEnd];
  } catch {
    // Selection is not readable on some input types (number, select).
  }
  return () => {
    const next = container.querySelector(`[data-key="${cssEscape(key)}"]`);
    if (!(next instanceof HTMLElement)) return;
    next.focus({ preventScroll: true });
    if (selection && selection[0] !== null && typeof next.setSelectionRange === 'function') {
      try {
        next.setSelectionRange(selection[0], selection[1]);
      } catch {
        // Some input types refuse selection ranges.
      }
    }
  };
}

function cssEscape(value) {
  return window.CSS && typeof window.CSS.escape === 'function'
    ? window.CSS.escape(value)
    : value.replace(/["\\]/g, '\\$&');
}

export function debounce(fn, ms) {
  let timer = null;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn(...args);
    }, ms);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}

/** A random id for idempotency keys; getRandomValues works outside secure contexts too. */
export function randomId(prefix) {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `${prefix}-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

let idCounter = 0;
export function uniqueId(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
