import { describe, expect, it } from 'vitest';
import { readShippedModel } from '../../../core/classifier/node-model';
import { evaluate, type Prediction } from '../../../core/eval/metrics';
import { checkPack } from '../../../core/pack/check';
import { layerPacks } from '../../../core/pack/merge';
import { readDefaultPack } from '../../../core/pack/node-default';
import { fixturePack } from '../../doubles/fake-options-transport';

const p = (label: Prediction['label'], predicted: Prediction['predicted']): Prediction => ({ label, predicted, confidence: 0.8 });

describe('"Check this pack": macro-F1 over the labels that have examples', () => {
  it('does not count a label the examples lack, even when the pack answered it; its answers still cost recall', () => {
    const preds = [p('tester', 'unknown'), p('tester', 'tester'), p('impatient', 'impatient')];
    const labelled = evaluate(preds, 'labelled');
    expect(labelled.scored).toEqual(['impatient', 'tester']);
    // tester: precision 1, recall 1/2 → F1 2/3; impatient: F1 1.
    expect(labelled.macroF1).toBeCloseTo((1 + 2 / 3) / 2, 10);
    // The evaluation's default (as scikit-learn): an answered label without examples counts, with F1 0.
    const answered = evaluate(preds);
    expect(answered.scored).toEqual(['impatient', 'tester', 'unknown']);
    expect(answered.macroF1).toBeCloseTo((1 + 2 / 3 + 0) / 3, 10);
  });

  it('checkPack reports it so, and lists only the labels its examples have', () => {
    const acme = fixturePack('acme-support.json');
    const some = acme.examples!.filter((e) => e.label === 'extortionist' || e.label === 'tester');
    const r = checkPack(readShippedModel(), layerPacks([readDefaultPack(), acme]).pack, some).report;
    expect(r.scored.slice().sort()).toEqual(['extortionist', 'tester']);
    expect(r.macroF1).toBeCloseTo((r.perClass.extortionist!.f1 + r.perClass.tester!.f1) / 2, 10);
    expect(r.labels.filter((l) => !r.scored.includes(l))).toHaveLength(6);
  });
});
