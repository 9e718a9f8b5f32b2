import { describe, expect, it } from 'vitest';
import { type Candidate, nextPeople } from './next-people';

const person = (id: string, over: Partial<Candidate>): Candidate => ({
  id,
  name: id,
  skills: ['WordPress'],
  verdict: 'ok',
  score: 80,
  activeEngagements: 0,
  ...over,
});

describe('who is next when a contractor is cancelled', () => {
  const leaving = { id: 'dana', skills: ['WordPress', 'Logo design', ' wordpress '] };

  it('lists the others in each skill area, best first: verdict, then score, then the freest', () => {
    const roster = [
      person('dana', { verdict: 'cancel' }),
      person('busy', { score: 90, activeEngagements: 3 }),
      person('free', { score: 90, activeEngagements: 0 }),
      person('trusted', { verdict: 'trusted', score: 88 }),
      person('unscored', { verdict: 'new', score: null }),
      person('striking', { verdict: 'watch', score: 95 }),
      person('higher', { score: 92, activeEngagements: 5 }),
    ];
    const [wordpress] = nextPeople(leaving, roster);
    expect(wordpress?.skill).toBe('WordPress');
    expect(wordpress?.people.map((p) => p.id)).toEqual([
      'trusted',
      'higher',
      'free',
      'busy',
      'unscored',
      'striking',
    ]);
  });

  it('matches areas whatever their case and spacing, once each', () => {
    const areas = nextPeople(leaving, [person('sam', { skills: ['LOGO DESIGN '] })]);
    expect(areas.map((a) => [a.skill, a.people.map((p) => p.id)])).toEqual([
      ['WordPress', []],
      ['Logo design', ['sam']],
    ]);
  });

  it('never names someone to cancel, someone dropped, or the contractor leaving', () => {
    const roster = [
      person('dana', {}),
      person('cancel', { verdict: 'cancel' }),
      person('dropped', { verdict: 'dropped' }),
    ];
    expect(nextPeople(leaving, roster).flatMap((a) => a.people)).toEqual([]);
  });

  it('has no areas for a contractor without skill areas', () => {
    expect(nextPeople({ id: 'x', skills: [] }, [person('sam', {})])).toEqual([]);
  });
});
