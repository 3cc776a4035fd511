// @ts-check

import { h } from '../dom.js';
import { fieldErrors } from '../forms.js';
import { formatNumber } from '../format.js';
import { t } from '../i18n.js';
import { createLoader } from './common.js';

/**
 * 选择地点: where a demand is, picked rather than typed. A community worker knows the
 * compound or building, not its latitude: the community's own place on the roster (/me's
 * `member`) comes first, then the alliance gazetteer's communities, compounds and buildings
 * (地名库), then a pin dropped on a small map of those places. Whatever is picked fills the
 * address and the coordinates the demand is sent with.
 *
 * The map is drawn as the map tab draws its chart, on plain longitude/latitude axes with no
 * online tiles (see map.js), here as positioned elements so a tap is easy to turn into a place.
 */

/** @typedef {import('../api.js').Schemas['Place']} Place */
/** @typedef {import('../forms.js').FieldError} FieldError */
/** @typedef {{ address: string, lat: number, lng: number }} PickedPlace */
/** @typedef {'own' | 'gazetteer' | 'pin'} PlaceSource */
/** @typedef {{ name: string, lat: number, lng: number, own?: boolean }} Landmark */
/** @typedef {{ west: number, north: number, lngRange: number, latRange: number }} Frame */

/** @type {readonly PlaceSource[]} */
const SOURCES = ['own', 'gazetteer', 'pin'];

// Gazetteer kinds in the order a person narrows a place down: 社区, 小区, 楼栋, 其他.
/** @type {readonly Place['kind'][]} */
const KINDS = ['community', 'compound', 'building', 'other'];

// The pin map's shape (width / height), also set in styles.css (.place-map's aspect-ratio):
// equal scale needs to know it.
const MAP_ASPECT = 4 / 3;

// How far an arrow key moves the pin: a fiftieth of the map, as [across, down].
/** @type {Readonly<Record<string, readonly [number, number]>>} */
const ARROW_STEPS = {
  ArrowLeft: [-0.02, 0],
  ArrowRight: [0.02, 0],
  ArrowUp: [0, -0.02],
  ArrowDown: [0, 0.02],
};

// Six decimals are about 10 cm: finer than a tap, and what people copy from map apps.
const DECIMALS = 6;

/**
 * @param {import('./common.js').ViewContext} ctx
 * @param {object} options
 * @param {(place: PickedPlace | null) => void} options.onPick the place to send, or none yet
 * @param {() => void} options.onChange redraw: the gazetteer arrived or the choice changed
 */
export function createPlacePicker(ctx, { onPick, onChange }) {
  const placesPath = () => `/alliances/${encodeURIComponent(ctx.allianceId() ?? '')}/places`;
  const loader = createLoader(() => /** @type {Promise<Place[]>} */ (ctx.api.get(placesPath())), onChange);
  /** @type {PlaceSource | null} null until the person chooses; see source() */
  let chosen = null;
  let placeId = '';
  /** @type {{ lat: number, lng: number } | null} */
  let pin = null;
  let started = false;

  /** @returns {Place[]} */
  const places = () => (Array.isArray(loader.state.data) ? loader.state.data : []);

  /** The community's own place on the roster, when it has coordinates. */
  function ownPlace() {
    const member = ctx.me.member;
    if (!member || member.lat === null || member.lng === null) return null;
    return { address: member.address ?? member.name, lat: member.lat, lng: member.lng };
  }

  /** @returns {PlaceSource} */
  function source() {
    if (chosen) return chosen;
    if (ownPlace()) return 'own';
    return places().length > 0 ? 'gazetteer' : 'pin';
  }

  /** @param {PlaceSource} next */
  function choose(next) {
    chosen = next;
    onPick(picked());
    onChange();
  }

  /** The place the current choice stands for, or null while it names none. */
  function picked() {
    switch (source()) {
      case 'own':
        return ownPlace();
      case 'gazetteer': {
        const place = places().find((entry) => entry.placeId === placeId);
        return place
          ? { address: place.address ?? placeName(place, places()), lat: place.lat, lng: place.lng }
          : null;
      }
      case 'pin':
        return pin ? { address: nearbyAddress(pin, landmarks()), ...pin } : null;
    }
  }

  /**
   * What the pin map shows to find one's way: the community's place and the gazetteer's.
   * @returns {Landmark[]}
   */
  function landmarks() {
    const own = ownPlace();
    /** @type {Landmark[]} */
    const marks = own
      ? [{ name: ctx.me.member?.name ?? own.address, lat: own.lat, lng: own.lng, own: true }]
      : [];
    return [...marks, ...places().map((place) => ({ name: place.name, lat: place.lat, lng: place.lng }))];
  }

  /**
   * The picker as a field of the demand form: the three ways, the current one's control, and
   * intake's problems about the place (`errors`).
   * @param {readonly FieldError[]} errors
   */
  function render(errors) {
    const current = source();
    const id = 'post-place';
    return h(
      'div',
      {
        class: ['field', 'place-picker', 'span-2', errors.length > 0 && 'has-error'],
        dataset: { field: 'place', testid: 'place-picker', source: current },
      },
      h(
        'fieldset',
        { class: 'place-sources', 'aria-describedby': errors.length > 0 ? `${id}-error-0` : null },
        h('legend', null, t('post.place.label')),
        SOURCES.map((option) =>
          h(
            'label',
            { class: ['place-source', option === current && 'is-current'] },
            h('input', {
              type: 'radio',
              name: 'place-source',
              value: option,
              checked: option === current,
              dataset: { key: `post-place-${option}` },
              onChange: () => choose(option),
            }),
            t(`post.place.source.${option}`),
          ),
        ),
      ),
      current === 'own' ? ownControl() : null,
      current === 'gazetteer' ? gazetteerControl() : null,
      current === 'pin' ? pinControl() : null,
      fieldErrors(id, 'place', errors),
    );
  }

  function ownControl() {
    const own = ownPlace();
    if (!own)
      return h('p', { class: 'place-note', dataset: { testid: 'place-note' } }, t('post.place.ownMissing'));
    return h(
      'p',
      { class: 'place-note', dataset: { testid: 'place-note' } },
      t('post.place.ownIs', { name: ctx.me.member?.name ?? '', address: own.address }),
    );
  }

  function gazetteerControl() {
    const all = places();
    if (all.length === 0) {
      const text =
        loader.state.loading || loader.state.data === undefined ? t('app.loading') : t('post.place.noPlaces');
      return h('p', { class: 'place-note', dataset: { testid: 'place-note' } }, text);
    }
    return h(
      'select',
      {
        name: 'placeId',
        class: 'place-select',
        'aria-label': t('post.place.source.gazetteer'),
        dataset: { key: 'post-place-select' },
        onChange: (event) => {
          placeId = event.currentTarget.value;
          onPick(picked());
          onChange();
        },
      },
      h('option', { value: '', selected: placeId === '' }, t('post.choose')),
      KINDS.map((kind) => {
        const ofKind = all.filter((place) => place.kind === kind);
        if (ofKind.length === 0) return null;
        return h(
          'optgroup',
          { label: t(`gazetteer.kind.${kind}`) },
          ofKind.map((place) =>
            h('option', { value: place.placeId, selected: place.placeId === placeId }, placeName(place, all)),
          ),
        );
      }),
    );
  }

  function pinControl() {
    const marks = landmarks();
    // Drawn around the landmarks alone, so the map holds still while the pin moves on it.
    const frame = frameOf(marks, ownPlace());
    return h(
      'div',
      { class: 'place-pin' },
      h('p', { class: 'field-hint' }, t('post.place.pinHint')),
      h(
        'div',
        {
          class: 'place-map',
          dataset: { testid: 'place-map', key: 'post-place-map' },
          role: 'application',
          tabindex: '0',
          'aria-label': t('post.place.pinMap'),
          'aria-describedby': 'post-place-pin-note',
          onClick: (event) => {
            const box = event.currentTarget.getBoundingClientRect();
            dropPin(
              placeAt(frame, (event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height),
            );
          },
          // Without a pointer: Enter drops the pin in the middle, the arrow keys move it.
          onKeydown: (event) => {
            const step = ARROW_STEPS[event.key];
            if (!step && event.key !== 'Enter') return;
            event.preventDefault();
            const from = pin ?? placeAt(frame, 0.5, 0.5);
            dropPin(
              step ? placeAt(frame, acrossOf(frame, from) + step[0], downOf(frame, from) + step[1]) : from,
            );
          },
        },
        marks.map((mark) =>
          h(
            'span',
            {
              class: ['place-landmark', mark.own && 'is-own'],
              style: positionOf(frame, mark),
              'aria-hidden': 'true',
            },
            h('span', { class: 'place-landmark-name' }, mark.name),
          ),
        ),
        pin
          ? h('span', {
              class: 'place-pin-mark',
              style: positionOf(frame, pin),
              dataset: { testid: 'place-pin' },
            })
          : null,
      ),
      h(
        'p',
        {
          class: 'place-note',
          id: 'post-place-pin-note',
          dataset: { testid: 'place-note' },
          'aria-live': 'polite',
        },
        pin
          ? t('post.place.pinned', {
              place: nearbyAddress(pin, marks) || t('post.place.source.pin'),
              coordinates: `${formatNumber(pin.lat, 5)}, ${formatNumber(pin.lng, 5)}`,
            })
          : t('post.place.notPinned'),
      ),
    );
  }

  /** @param {{ lat: number, lng: number }} point */
  function dropPin(point) {
    pin = point;
    onPick(picked());
    onChange();
  }

  return {
    render,
    /**
     * Loads the gazetteer (again after a live change). The first time, the form starts at the
     * community's own place, when it has one; later loads leave what is on the form alone.
     */
    refresh() {
      if (!started) onPick(picked());
      started = true;
      return loader.refresh();
    },
  };
}

/**
 * A gazetteer place named as people find it, with what it lies in: 52号楼（014中心社区 · 幸福小区）.
 * @param {Place} place
 * @param {readonly Place[]} all
 */
function placeName(place, all) {
  const byId = new Map(all.map((entry) => [entry.placeId, entry]));
  const within = [];
  // A bounded walk: a parent loop in the data must not hang the page.
  for (let parent = byId.get(place.parentId ?? ''); parent && within.length < KINDS.length;) {
    within.unshift(parent.name);
    parent = byId.get(parent.parentId ?? '');
  }
  return within.length > 0
    ? t('post.place.within', { name: place.name, within: within.join(' · ') })
    : place.name;
}

/**
 * The address a dropped pin gets: near the closest landmark, which a person can still correct;
 * none when the map has no landmark.
 * @param {{ lat: number, lng: number }} point
 * @param {readonly Landmark[]} marks
 */
function nearbyAddress(point, marks) {
  const distance = (/** @type {Landmark} */ mark) =>
    Math.hypot((mark.lng - point.lng) * Math.cos((point.lat * Math.PI) / 180), mark.lat - point.lat);
  const closest = [...marks].sort((a, b) => distance(a) - distance(b))[0];
  return closest ? t('post.place.near', { name: closest.name }) : '';
}

/**
 * The area the pin map shows: every landmark with room around it, at equal scale (a kilometre
 * east as long as a kilometre north) for the map's fixed shape. Without landmarks, around
 * the community, else around Luoyang's 邙岭路 area where the alliances are.
 * @param {readonly { lat: number, lng: number }[]} points
 * @param {{ lat: number, lng: number } | null} centre
 * @returns {Frame}
 */
function frameOf(points, centre) {
  const all = points.length > 0 ? points : [centre ?? { lat: 34.68, lng: 112.45 }];
  const lats = all.map((point) => point.lat);
  const lngs = all.map((point) => point.lng);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const midLng = (Math.min(...lngs) + Math.max(...lngs)) / 2;
  const squeeze = Math.max(0.1, Math.cos((midLat * Math.PI) / 180));
  // A lone place still shows about a kilometre around it.
  const latSpan = Math.max(0.01, (Math.max(...lats) - Math.min(...lats)) * 1.4);
  const lngSpan = Math.max(0.01, (Math.max(...lngs) - Math.min(...lngs)) * 1.4);
  const latRange = Math.max(latSpan, (lngSpan * squeeze) / MAP_ASPECT);
  const lngRange = (latRange * MAP_ASPECT) / squeeze;
  return { west: midLng - lngRange / 2, north: midLat + latRange / 2, lngRange, latRange };
}

/**
 * The place at a spot of the map, given as fractions of its width and height from the top left.
 * @param {Frame} frame
 * @param {number} across
 * @param {number} down
 */
function placeAt(frame, across, down) {
  const round = (/** @type {number} */ value) => Number(value.toFixed(DECIMALS));
  // An arrow key at the edge keeps the pin on the map.
  const within = (/** @type {number} */ fraction) => Math.min(1, Math.max(0, fraction));
  return {
    lat: round(frame.north - within(down) * frame.latRange),
    lng: round(frame.west + within(across) * frame.lngRange),
  };
}

/**
 * How far across (0 left, 1 right) and down (0 top, 1 bottom) the map a place lies.
 * @param {Frame} frame
 * @param {{ lat: number, lng: number }} point
 */
function acrossOf(frame, point) {
  return (point.lng - frame.west) / frame.lngRange;
}

/**
 * @param {Frame} frame
 * @param {{ lat: number, lng: number }} point
 */
function downOf(frame, point) {
  return (frame.north - point.lat) / frame.latRange;
}

/**
 * Where a place sits on the map, as CSS offsets.
 * @param {Frame} frame
 * @param {{ lat: number, lng: number }} point
 * @returns {Partial<CSSStyleDeclaration>}
 */
function positionOf(frame, point) {
  const left = acrossOf(frame, point) * 100;
  const top = downOf(frame, point) * 100;
  return { left: `${left.toFixed(2)}%`, top: `${top.toFixed(2)}%` };
}
