import type { RecordId } from '../model/ids';
import { DAY_MS, dayOf } from '../scoring/dates';
import { addNote, recordPageSeen, trackProfile, updateContractor } from './contractors';
import type { TrackRecordDb } from './db';
import { acceptMilestone, addMilestone, createEngagement, payMilestone } from './engagements';
import { grantAccess, recordDelivery, recordExcuse, recordPraise } from './history';
import { writeTx } from './tx';

export const DEMO_KEY = 'upwork:~01demo0000000000001';

/**
 * Fills a small, believable history: Dana Demo (the Upwork freelancer a demo overlay shows) delivered
 * once on time, then late with an excuse, and was paid before acceptance; Sam Writer is reliable; Lee
 * Designer is new, holds a big single-milestone project and owner access. The verdicts and the rules
 * then have something real to say. Seeding twice does nothing the second time.
 */
export function seedDemo(
  db: TrackRecordDb,
  now: number,
): Promise<{ dana: RecordId; sam: RecordId; lee: RecordId }> {
  // One transaction: a page closed while it seeds leaves no half a demo (a tracked Dana without her history).
  return writeTx(db, () => seedDemoRecords(db, now));
}

async function seedDemoRecords(
  db: TrackRecordDb,
  now: number,
): Promise<{ dana: RecordId; sam: RecordId; lee: RecordId }> {
  const ago = (days: number) => now - days * DAY_MS;
  const dueDay = (daysFromToday: number) => (dayOf(now) + daysFromToday) * DAY_MS;
  const existing = await db.profiles.get(DEMO_KEY);
  if (existing) {
    const others = await db.profiles.bulkGet(['upwork:~01demo0000000000002', 'upwork:~01demo0000000000003']);
    const [sam, lee] = others.map((p) => p?.contractorId ?? existing.contractorId);
    return {
      dana: existing.contractorId,
      sam: sam ?? existing.contractorId,
      lee: lee ?? existing.contractorId,
    };
  }
  const profile = (n: number, name: string, title: string) => ({
    platform: 'upwork' as const,
    id: `~01demo000000000000${n}`,
    key: `upwork:~01demo000000000000${n}`,
    name,
    title,
    url: `https://www.upwork.com/freelancers/~01demo000000000000${n}`,
  });

  // Dana Demo: WordPress.
  const dana = await trackProfile(
    db,
    {
      ...profile(1, 'Dana Demo', 'WordPress developer'),
      metrics: { rating: 4.9, reviews: 31, jobSuccess: 98 },
    },
    ago(70),
  );
  // Her profile as the extension saw it on later visits: her Job Success and rating slipping.
  for (const [days, jobSuccess, rating, reviews] of [
    [45, 96, 4.9, 33],
    [25, 93, 4.8, 35],
    [3, 89, 4.7, 37],
  ] as const)
    await recordPageSeen(
      db,
      { ...profile(1, 'Dana Demo', 'WordPress developer'), metrics: { rating, reviews, jobSuccess } },
      ago(days),
    );
  await updateContractor(
    db,
    dana,
    { skills: ['WordPress'], drives: 'Steady work; likes clear briefs' },
    ago(70),
  );
  const site = await createEngagement(
    db,
    {
      contractorId: dana,
      title: 'Shop redesign',
      skill: 'WordPress',
      budget: 2400,
      currency: 'USD',
      startedAt: ago(60),
    },
    ago(60),
  );
  await grantAccess(
    db,
    { contractorId: dana, engagementId: site, what: 'WordPress admin', level: 'admin', at: ago(60) },
    ago(60),
  );
  const m1 = await addMilestone(
    db,
    { engagementId: site, title: 'Theme and home page', amount: 800, dueAt: dueDay(-40) },
    ago(60),
  );
  const m2 = await addMilestone(
    db,
    { engagementId: site, title: 'Product pages', amount: 800, dueAt: dueDay(-20) },
    ago(60),
  );
  await addMilestone(db, { engagementId: site, title: 'Checkout', amount: 800, dueAt: dueDay(12) }, ago(60));
  await recordDelivery(db, { contractorId: dana, milestoneId: m1, at: ago(41) }, ago(41));
  await acceptMilestone(db, m1, ago(39), ago(39));
  await payMilestone(db, m1, ago(39), ago(39));
  await recordExcuse(
    db,
    {
      contractorId: dana,
      engagementId: site,
      text: 'Sorry, the internet has been down in my area since yesterday. Tomorrow at the latest!',
      at: ago(20),
    },
    ago(20),
  );
  await payMilestone(db, m2, ago(20), ago(20));
  await recordDelivery(db, { contractorId: dana, milestoneId: m2, at: ago(19) }, ago(19));
  await acceptMilestone(db, m2, ago(17), ago(17));
  await addNote(db, dana, 'Good eye for layout; check the mobile view before accepting.', ago(15));

  // Sam Writer: copywriting and WordPress content, reliable.
  const sam = await trackProfile(db, profile(2, 'Sam Writer', 'Copywriter'), ago(200));
  await updateContractor(db, sam, { skills: ['Copywriting', 'WordPress'] }, ago(200));
  const blog = await createEngagement(
    db,
    {
      contractorId: sam,
      title: 'Blog posts',
      skill: 'Copywriting',
      budget: 1200,
      currency: 'USD',
      startedAt: ago(150),
    },
    ago(150),
  );
  for (const [i, d] of [100, 80, 60, 40, 20, 5].entries()) {
    const m = await addMilestone(
      db,
      { engagementId: blog, title: `Post ${i + 1}`, amount: 300, dueAt: dueDay(-d) },
      ago(d + 10),
    );
    await recordDelivery(db, { contractorId: sam, milestoneId: m, at: ago(d + 1) }, ago(d + 1));
    await acceptMilestone(db, m, ago(d), ago(d));
    await payMilestone(db, m, ago(d), ago(d));
  }
  await recordPraise(
    db,
    { contractorId: sam, text: 'Readers loved the onboarding post', at: ago(25) },
    ago(25),
  );

  // Lee Designer: new; one big project in a single milestone, and owner access to the brand drive.
  const lee = await trackProfile(db, profile(3, 'Lee Designer', 'Brand designer'), ago(10));
  await updateContractor(db, lee, { skills: ['Design'] }, ago(10));
  const brand = await createEngagement(
    db,
    {
      contractorId: lee,
      title: 'Brand identity',
      skill: 'Design',
      budget: 4000,
      currency: 'USD',
      startedAt: ago(8),
    },
    ago(8),
  );
  await addMilestone(
    db,
    { engagementId: brand, title: 'Everything', amount: 4000, dueAt: dueDay(30) },
    ago(8),
  );
  await grantAccess(
    db,
    { contractorId: lee, engagementId: brand, what: 'Google Drive brand folder', level: 'owner', at: ago(8) },
    ago(8),
  );

  return { dana, sam, lee };
}
