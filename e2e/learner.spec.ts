import { safeKey } from '../src/viz/labels';
import { expect, test } from './fixtures/app';

// The size the app is designed for: a 1366×768 laptop.
test.use({ viewport: { width: 1366, height: 768 } });

test("a learner's path: step, choose, back, find the race, turn on leases", async ({
  app,
  page,
}) => {
  await app.open('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cache-aside: set after delete');
  await expect(page.getByTestId('hint')).toBeVisible();
  await app.shot('learner-1-open');

  await app.step();
  await app.expectStep(1, 1);
  await expect(page.getByTestId('narrative-1')).toContainText('Reader GETs user:1 from Cache');
  await app.shot('learner-2-step');

  // Choose an event other than the one Step would take: the writer's ghost arrow.
  await expect(app.nextSteps).toHaveCount(2);
  const otherKey = await app.nextSteps.nth(1).getAttribute('data-key');
  expect(otherKey).toBe('writer->db');
  await page.getByTestId(`ghost-${safeKey(otherKey!)}`).click();
  await app.expectStep(2, 2);
  expect(page.url()).toContain('p=01');
  await expect(page.getByTestId('narrative-2')).toContainText('Writer UPDATEs user:1');
  await app.shot('learner-3-choose');

  await app.back();
  await app.expectStep(1, 2);
  await expect(page.getByTestId('narrative-2')).toHaveClass(/is-future/);
  await expect(app.nextSteps.filter({ hasText: 'next' })).toHaveAttribute('data-key', otherKey!);
  await app.shot('learner-4-back');

  await app.findRace();
  await expect(app.exploreResult).toContainText('25 interleavings');
  await expect(app.exploreResult).toContainText('shortest: 5 steps');
  await expect(app.violation).toBeVisible();
  await expect(page.getByTestId('critical-reordering')).toContainText(
    'the SET from Reader landed after the DEL from Writer',
  );
  await expect(page.getByTestId('violation-mark').first()).toBeVisible();
  await app.expectStep(5, 5);
  await app.shot('learner-5-race');
  const raceSchedule = new URL(page.url()).hash.match(/p=([^&]*)/)?.[1];

  await app.setFix('leases');
  await app.expectStep(5, 5);
  await expect(app.violation).toHaveCount(0);
  await expect(page.getByTestId('violation-mark')).toHaveCount(0);
  await expect(page.getByTestId('fixed-summary')).toContainText(
    'With “No fix”, the same schedule causes Stale at quiescence at step 5 (cache holds v1',
  );
  await expect(page.getByTestId('narrative-5')).toContainText('refused');
  expect(new URL(page.url()).hash.match(/p=([^&]*)/)?.[1]).toBe(raceSchedule);
  await app.shot('learner-6-leases');

  await app.findRace();
  await expect(app.exploreResult).toContainText('none violates');
  await expect(app.exploreResult).toContainText('no interleaving causes harm');
  await app.shot('learner-7-leases-explored');
});

test('compare all fixes fills the matrix with every verdict over the sweep', async ({
  app,
  page,
}) => {
  await app.open('/');
  await page.getByTestId('explore-all').click();
  const matrix = page.getByTestId('explore-matrix');
  await expect(matrix).toBeVisible({ timeout: 20_000 });
  await expect(matrix.locator('tbody tr')).toHaveCount(6);
  const leases = matrix.locator('tbody tr').filter({ hasText: 'Leases' });
  await expect(leases).toContainText('✓');
  await expect(leases).toContainText('holds up to readers=2, writers=2, pause=5');
  const writeThrough = matrix.locator('tbody tr').filter({ hasText: 'Write-through' });
  await expect(writeThrough).toContainText('✗');
  await expect(writeThrough).toContainText('fails at writers=2, pause=0 (66 of 188)');
  await app.shot('matrix');
});
