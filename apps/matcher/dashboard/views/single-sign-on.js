// @ts-check

import { ApiError, callPublic } from '../api.js';
import { h } from '../dom.js';
import { actionButton, rowMessage } from '../forms.js';
import { has, t } from '../i18n.js';
import { accountFeedback } from './credential-fields.js';

/**
 * 统一身份认证 single sign-on, offered when the deployment names an OpenID Connect provider:
 * the button that goes there (from the sign-in page, or from an invite link's page to accept
 * the invite with it), and the refusal the trip may end with. The trip is a full-page
 * navigation: /auth/sso/start redirects to the provider, the provider back to the matcher,
 * and the matcher opens the dashboard at #sso=<hand-off> or #sso-error=<code> (auth.js).
 */

/** @typedef {import('../types/api.js').paths['/auth/sso']['get']['responses'][200]['content']['application/json']} SignOnOffer */
/** @typedef {import('../auth.js').SignOnRefusal} SignOnRefusal */
/** @typedef {import('../forms.js').RowMessage} RowMessage */

const NOT_OFFERED = /** @type {SignOnOffer} */ ({ enabled: false, name: null });

/** @type {Promise<SignOnOffer> | null} */
let asked = null;

/**
 * Whether the deployment offers single sign-on, asked once per page load. A page that could
 * not find out offers the password only, and asks again the next time.
 * @returns {Promise<SignOnOffer>}
 */
export function signOnOffer() {
  asked ??= /** @type {Promise<SignOnOffer>} */ (callPublic('GET', '/auth/sso')).catch(() => {
    asked = null;
    return NOT_OFFERED;
  });
  return asked;
}

/**
 * The button that leaves for the provider, or nothing when there is no provider.
 * @param {SignOnOffer} offer
 * @param {object} options
 * @param {(name: string) => string} options.label the button's words, given the provider's name
 * @param {string} options.action its data-action
 * @param {string} [options.invite] the invite link secret the sign-on accepts
 */
export function signOnButton(offer, { label, action, invite }) {
  if (!offer.enabled) return null;
  return actionButton(label(providerName(offer)), {
    action,
    className: 'btn-secondary btn-large btn-block',
    // A button, not a link: the invite's secret stays out of the status bar and screenshots.
    onClick: () => {
      location.href = invite ? `/auth/sso/start?invite=${encodeURIComponent(invite)}` : '/auth/sso/start';
    },
  });
}

/**
 * What the provider is called on the page (MATCHER_OIDC_NAME).
 * @param {SignOnOffer} offer
 */
export function providerName(offer) {
  return offer.name ?? t('sso.defaultName');
}

/**
 * A refused sign-on on the page, in the page's words for its code.
 * @param {RowMessage} message from refusalMessage or completionFailure
 */
export function refusalNote(message) {
  return h('div', { class: 'sso-refusal', dataset: { testid: 'sso-refusal' } }, rowMessage(message));
}

/**
 * What the callback's refusal means, worded for the page it shows on: on the sign-in page a
 * refused identity is most likely one not linked yet, which only an invite links.
 * @param {SignOnRefusal} refusal
 * @param {'sign-in' | 'invite'} page
 * @returns {RowMessage}
 */
export function refusalMessage({ code }, page) {
  const key = [`sso.refused.${page}.${code}`, `sso.refused.${code}`, `error.${code}`].find((candidate) =>
    has(candidate),
  );
  // The refusal's message (the server's, or the provider's error such as access_denied) is
  // developer English and is not shown: the code's words say it to people.
  return { kind: 'error', text: t(key ?? 'sso.refused') };
}

/**
 * Exchanging the hand-off failed: refused (used, expired, a disabled account), or the call
 * did not get through (network, too many attempts).
 * @param {unknown} error
 * @returns {RowMessage}
 */
export function completionFailure(error) {
  if (error instanceof ApiError && error.status === 401 && error.code) {
    return refusalMessage({ code: error.code, message: '' }, 'sign-in');
  }
  return accountFeedback(error, []).message ?? { kind: 'error', text: t('sso.refused') };
}
