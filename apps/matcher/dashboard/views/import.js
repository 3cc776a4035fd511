// @ts-check

import { h, replaceContent } from '../dom.js';
import { field } from '../forms.js';
import { memberKindLabel, t } from '../i18n.js';
import { createLoader, emptyBlock, placeholder, viewHeader, viewLifecycle } from './common.js';
import { createListUpload } from './list-upload.js';

/**
 * 导入清单: lists from Excel. A unit loads its 资源清单 or a 需求清单, a community its 需求清单;
 * a coordinator (or an admin) loads one for a member of the roster, chosen here, and the
 * upload names that member.
 */

/** @typedef {import('../intake.js').ListKind} ListKind */
/** @typedef {import('../api.js').Schemas['Member']} Member */
/** @typedef {import('./list-upload.js').ListOwner} ListOwner */

/** Which lists each kind of submitter sends: units both, communities demands. */
/** @type {Readonly<Record<'unit' | 'community', readonly ListKind[]>>} */
const KINDS_OF = { unit: ['resource', 'demand'], community: ['demand'] };

// Members whose lists intake takes: admitted ones, and pending ones (stored, matched once admitted).
const LOADABLE = ['active', 'pending'];

/** @param {import('./common.js').ViewContext} ctx */
export function createImportView(ctx) {
  /** @type {HTMLElement | null} */
  let container = null;
  const forMembers = ctx.me.role === 'coordinator' || ctx.me.role === 'admin';
  const loader = createLoader(async () => {
    if (!forMembers) return [];
    const alliance = ctx.allianceId();
    if (!alliance) return [];
    const members = /** @type {Member[]} */ (
      await ctx.api.get(`/alliances/${encodeURIComponent(alliance)}/members`)
    );
    return members.filter((member) => LOADABLE.includes(member.status));
  }, render);
  const upload = createListUpload(ctx, render);
  /** The chosen member, as `${kind}:${memberId}`; '' until one is chosen. */
  let memberKey = '';
  /** @type {ListKind | ''} */
  let chosenKind = '';

  /** @returns {ListOwner} */
  function owner() {
    if (!forMembers) return null;
    const member = (loader.state.data ?? []).find((entry) => `${entry.kind}:${entry.memberId}` === memberKey);
    return member ? { kind: member.kind, id: member.memberId, name: member.name } : null;
  }

  /** @param {ListOwner} chosen */
  function kindsFor(chosen) {
    if (chosen) return KINDS_OF[chosen.kind];
    return ctx.me.role === 'unit' ? KINDS_OF.unit : KINDS_OF.community;
  }

  function render() {
    if (!container) return;
    const chosen = owner();
    const kinds = kindsFor(chosen);
    const kind = kinds.find((entry) => entry === chosenKind) ?? kinds[0] ?? 'demand';
    const waiting = forMembers ? placeholder(loader, () => void loader.refresh()) : null;
    replaceContent(
      container,
      viewHeader({ title: t('tab.import'), loader }),
      waiting ??
        h(
          'div',
          { class: 'import-layout' },
          h(
            'div',
            { class: ['card', 'import-choices'] },
            forMembers ? memberPicker() : null,
            kinds.length > 1 ? kindPicker(kinds, kind) : null,
          ),
          forMembers && !chosen ? emptyBlock(t('upload.pickMember')) : upload.panel(kind, chosen),
        ),
    );
  }

  function memberPicker() {
    const members = loader.state.data ?? [];
    if (members.length === 0) return emptyBlock(t('upload.noMembers'));
    return field({
      name: 'member',
      label: t('upload.member'),
      control: h(
        'select',
        {
          name: 'member',
          dataset: { testid: 'upload-member' },
          onChange: (event) => {
            memberKey = event.currentTarget.value;
            upload.reset();
            render();
          },
        },
        h('option', { value: '', selected: memberKey === '' }, t('post.choose')),
        members.map((member) =>
          h(
            'option',
            {
              value: `${member.kind}:${member.memberId}`,
              selected: memberKey === `${member.kind}:${member.memberId}`,
            },
            `${member.name} · ${memberKindLabel(member.kind)}`,
          ),
        ),
      ),
    });
  }

  /**
   * @param {readonly ListKind[]} kinds
   * @param {ListKind} kind
   */
  function kindPicker(kinds, kind) {
    return field({
      name: 'listKind',
      label: t('upload.kind'),
      control: h(
        'select',
        {
          name: 'listKind',
          dataset: { testid: 'upload-kind' },
          onChange: (event) => {
            chosenKind = event.currentTarget.value === 'resource' ? 'resource' : 'demand';
            upload.reset();
            render();
          },
        },
        kinds.map((entry) =>
          h('option', { value: entry, selected: entry === kind }, t(`list.kind.${entry}`)),
        ),
      ),
    });
  }

  return viewLifecycle({
    loader,
    render,
    setContainer: (element) => (container = element),
  });
}
