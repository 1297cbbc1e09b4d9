import { describe, expect, it } from 'vitest';
import {
  capacityOrigin,
  choiceOrigin,
  inheritedOrigin,
  partOrigin,
  sharedOrigin,
  startOrigin,
  targetOrigin,
} from './settings-origin';

describe('where a setting comes from', () => {
  it('the global study time: yours (with a way back to the default) or built in', () => {
    expect(capacityOrigin('global')).toEqual({
      kind: 'own',
      text: 'set by you',
      reset: { label: 'Back to the default', body: { capacity: { reset: true } } },
    });
    expect(capacityOrigin('default')).toEqual({ kind: 'default', text: 'built-in default' });
    expect(capacityOrigin('routine').kind).toBe('file');
    expect(capacityOrigin('routine').reset).toBeUndefined();
    expect(sharedOrigin('global', 'studyWindow').reset?.body).toEqual({ studyWindow: null });
    expect(sharedOrigin('default', 'habits')).toEqual({ kind: 'default', text: 'built-in default' });
  });

  it('on a roadmap, the learner-wide values are inherited, never reset there', () => {
    expect(inheritedOrigin('global')).toEqual({ kind: 'inherited', text: 'inherited from your study time' });
    expect(inheritedOrigin('default').text).toBe('inherited: the built-in default');
    expect(inheritedOrigin('routine').reset).toBeUndefined();
  });

  it("the roadmap's own values can go back to inherited or default", () => {
    const part = { kind: 'share', share: 60, shareFrom: 'roadmap', priority: 1 } as const;
    expect(partOrigin(part).reset?.body).toEqual({ share: null });
    expect(partOrigin({ ...part, shareFrom: 'default' }).kind).toBe('default');
    expect(partOrigin({ ...part, kind: 'fixed', shareFrom: null }).reset?.body).toEqual({
      capacity: { reset: true },
    });
    expect(startOrigin({ startDateFrom: 'roadmap' }).reset?.body).toEqual({ startDate: null });
    expect(startOrigin({ startDateFrom: 'default' }).kind).toBe('default');
    const none = { roadmapTargetDate: null };
    expect(targetOrigin({ ...none, targetSource: 'setting', targetDate: '2027-01-01' }).reset?.body).toEqual({
      targetDate: null,
    });
    expect(targetOrigin({ ...none, targetSource: null, targetDate: null }).text).toBe('no target');
    // Over the roadmap file's own date, your target (or your clearing of it) goes back to that date.
    const file = { roadmapTargetDate: '2027-03-15' };
    expect(targetOrigin({ ...file, targetSource: 'roadmap', targetDate: '2027-03-15' }).kind).toBe('file');
    for (const own of [
      { targetSource: 'setting' as const, targetDate: '2027-01-01' },
      { targetSource: null, targetDate: null },
    ]) {
      expect(targetOrigin({ ...file, ...own }).reset).toEqual({
        label: "Use the roadmap's own date (2027-03-15)",
        body: { resetTarget: true },
      });
    }
    const group = {
      id: 'g',
      title: 'G',
      choose: { min: 1, max: 1 },
      options: [],
      included: ['a'],
      decidedBy: 'choice' as const,
    };
    expect(choiceOrigin(group).reset?.body).toEqual({ choices: { g: null } });
    expect(choiceOrigin({ ...group, decidedBy: 'assumed' }).kind).toBe('default');
  });
});
