// @ts-check

/**
 * DOM building without markup strings: every piece of data reaches the page through
 * textContent or an attribute, so a demand titled "<img onerror=…>" stays text.
 */

// Set as properties: as attributes they only give the initial state, not the current one.
const PROPERTIES = new Set(['value', 'checked', 'disabled', 'selected', 'hidden', 'open']);

/** @typedef {keyof HTMLElementTagNameMap} Tag */

/**
 * What h() and append() put into an element: nodes, text, and skipped null, undefined and
 * false, nested in arrays as deep as convenient.
 * @typedef {import('./types/dom.js').Nested<Node | string | number | false | null | undefined>} Child
 */

/**
 * A listener given as a prop (`onClick`): its currentTarget is the element h() built.
 * @template {Event} E
 * @template {Tag} K
 * @typedef {(event: E & { currentTarget: HTMLElementTagNameMap[K] }) => unknown} Listener
 */

/**
 * The props h() knows; any other key is set as an attribute (true as an empty one).
 * @template {Tag} K
 * @typedef {{
 *   class?: string | readonly (string | false | null | undefined)[] | null,
 *   dataset?: Record<string, string | number | boolean | null | undefined>,
 *   style?: Partial<CSSStyleDeclaration>,
 *   onClick?: Listener<MouseEvent, K>,
 *   onInput?: Listener<Event, K>,
 *   onChange?: Listener<Event, K>,
 *   onSubmit?: Listener<SubmitEvent, K>,
 *   onKeydown?: Listener<KeyboardEvent, K>,
 *   onToggle?: Listener<Event, K>,
 *   [attribute: string]: unknown,
 * }} Props
 */

/**
 * h('button', { class: 'btn', dataset: { action: 'approve' }, onClick }, 'text', child)
 * null, undefined and false props or children are skipped, which keeps conditional UI inline.
 * @template {Tag} K
 * @param {K} tag
 * @param {Props<K> | null} [props]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') {
      element.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : String(value);
    } else if (key === 'dataset') {
      for (const [name, data] of Object.entries(value)) {
        if (data !== undefined && data !== null) element.dataset[name] = String(data);
      }
    } else if (key === 'style') {
      Object.assign(element.style, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2).toLowerCase(), /** @type {EventListener} */ (value));
    } else if (PROPERTIES.has(key)) {
      Reflect.set(element, key, value);
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/**
 * @template {ParentNode} P
 * @param {P} parent
 * @param {readonly Child[]} children
 * @returns {P}
 */
export function append(parent, children) {
  // Seen as unknown[]: flat(Infinity) over a recursive type is too deep for the checker.
  for (const child of /** @type {readonly unknown[]} */ (children).flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof window.Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/**
 * Replaces an element's content, keeping focus and caret on the control the user was in.
 * @param {HTMLElement} container
 * @param {...Child} children
 */
export function replaceContent(container, ...children) {
  const restore = rememberFocus(container);
  container.replaceChildren();
  append(container, children);
  restore();
}

// Live updates re-render lists while someone may be typing a reason or a quantity; controls
// carry a data-key that survives the re-render, so focus and caret can be put back.
/**
 * @param {HTMLElement} container
 * @returns {() => void} puts focus (and caret) back
 */
function rememberFocus(container) {
  const active = document.activeElement;
  if (!active || !container.contains(active) || !(active instanceof HTMLElement)) return () => {};
  const key = active.dataset.key;
  if (!key) return () => {};
  /** @type {[number | null, number | null] | null} */
  let selection = null;
  // Only text controls have a caret; buttons and selects with a data-key just get focus back.
  if (hasSelection(active)) {
    try {
      selection = [active.selectionStart, active.selectionEnd];
    } catch {
      // Selection is not readable on some input types (number).
    }
  }
  return () => {
    const next = container.querySelector(`[data-key="${cssEscape(key)}"]`);
    if (!(next instanceof HTMLElement)) return;
    next.focus({ preventScroll: true });
    if (selection && selection[0] !== null && hasSelection(next)) {
      try {
        next.setSelectionRange(selection[0], selection[1]);
      } catch {
        // Some input types refuse selection ranges.
      }
    }
  };
}

/**
 * Moves focus to the control with this data-key: after a re-render replaced the control that
 * had it (an edit button that became a form), keyboard users carry on from there.
 * @param {ParentNode | null | undefined} container
 * @param {string} key
 */
export function focusKey(container, key) {
  const next = container?.querySelector(`[data-key="${cssEscape(key)}"]`);
  if (next instanceof HTMLElement) next.focus();
}

/**
 * @param {Element} element
 * @returns {element is HTMLInputElement | HTMLTextAreaElement}
 */
function hasSelection(element) {
  return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement;
}

/** @param {string} value */
function cssEscape(value) {
  return window.CSS && typeof window.CSS.escape === 'function'
    ? window.CSS.escape(value)
    : value.replace(/["\\]/g, '\\$&');
}

/**
 * @template {unknown[]} A
 * @param {(...args: A) => void} fn
 * @param {number} ms
 * @returns {((...args: A) => void) & { cancel(): void }}
 */
export function debounce(fn, ms) {
  /** @type {number | undefined} */
  let timer;
  /** @type {(...args: A) => void} */
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn(...args);
    }, ms);
  };
  return Object.assign(debounced, { cancel: () => clearTimeout(timer) });
}

/**
 * A random id for idempotency keys; getRandomValues works outside secure contexts too.
 * @param {string} prefix
 */
export function randomId(prefix) {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `${prefix}-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

let idCounter = 0;
/** @param {string} prefix */
export function uniqueId(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
