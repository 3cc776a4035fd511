import {
  QUANTITY_UNITS,
  QUANTITY_UNIT_LABELS,
  URGENCIES,
  URGENCY_LABELS,
  categoryLabel,
  type Label,
} from '@redcrowd/contracts';
import { halfWidth } from '../cells';

/** One value of a vocabulary as a cell may name it: its code or its words. */
export interface Choice {
  code: string;
  label: Label;
}

/** A closed vocabulary a column picks from (categories, units of measure, urgencies). */
export class Choices {
  private readonly byName = new Map<string, string>();

  constructor(readonly choices: readonly Choice[]) {
    for (const { code, label } of choices) {
      for (const name of [code, label.zh, label.en]) this.byName.set(nameKey(name), code);
    }
  }

  /** The code a cell's text names, if any. */
  codeOf(text: string): string | undefined {
    return this.byName.get(nameKey(text));
  }

  /** What the template's drop-down offers: the Chinese words, in the vocabulary's order. */
  dropDown(): string[] {
    return this.choices.map((choice) => choice.label.zh);
  }

  labelOf(code: string): Label | undefined {
    return this.choices.find((choice) => choice.code === code)?.label;
  }
}

// 人·时 may arrive as 人.时, 人时 or 人*时; case and width do not matter either.
function nameKey(name: string): string {
  return halfWidth(name)
    .replace(/[\s·.*•・]/g, '')
    .toLowerCase();
}

/** The alliance's categories (the defaults and its own), by code or words. */
export function categoryChoices(codes: readonly string[]): Choices {
  return new Choices(codes.map((code) => ({ code, label: categoryLabel(code) })));
}

export const UNIT_CHOICES = new Choices(
  QUANTITY_UNITS.map((code) => ({ code, label: QUANTITY_UNIT_LABELS[code] })),
);

export const URGENCY_CHOICES = new Choices(URGENCIES.map((code) => ({ code, label: URGENCY_LABELS[code] })));
