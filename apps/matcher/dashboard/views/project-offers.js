// @ts-check

import { h } from '../dom.js';
import { formatDateTime, formatQuantity } from '../format.js';
import { stageLabel, t } from '../i18n.js';
import { chip } from './common.js';

/**
 * 派单情况: on the joint meeting's project card, whom the project was offered to and how each
 * offer ended — still open until when, claimed, declined with the unit's reason, expired or
 * withdrawn — so a decline is seen as one, not as an offer still pending.
 */

/** @typedef {import('../api.js').Schemas} Schemas */
/** @typedef {Schemas['ProjectOffer']} ProjectOffer */

/**
 * @param {readonly ProjectOffer[] | undefined} offers
 * @param {string | undefined} unit the demand's unit of measure
 */
export function offersBlock(offers, unit) {
  if (!Array.isArray(offers) || offers.length === 0) return null;
  return h(
    'section',
    { class: 'project-offers', dataset: { testid: 'project-offers' } },
    h('h4', { class: 'section-heading' }, t('review.offers')),
    h(
      'ul',
      { class: 'offer-states' },
      offers.map((offer) =>
        h(
          'li',
          {
            class: ['offer-state', `offer-state-${offer.status}`],
            dataset: { testid: 'project-offer', unitId: offer.unitId, status: offer.status },
          },
          h('strong', null, offer.unitName ?? offer.unitId),
          chip(stageLabel(offer.stage), `chip-stage stage-${offer.stage}`),
          h('span', null, formatQuantity(offer.quantity, unit)),
          h(
            'span',
            { class: 'offer-state-text', dataset: { testid: 'project-offer-state' } },
            stateText(offer),
          ),
        ),
      ),
    ),
  );
}

/** @param {ProjectOffer} offer */
function stateText(offer) {
  switch (offer.status) {
    case 'open':
      return t('review.offer.open', { time: formatDateTime(offer.expiresAt) });
    case 'declined':
      return offer.declineReason
        ? t('review.offer.declined', { reason: offer.declineReason })
        : t('review.offer.declinedNoReason');
    case 'claimed':
    case 'expired':
    case 'withdrawn':
      return t(`review.offer.${offer.status}`);
  }
}
