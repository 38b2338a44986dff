import { expect, test } from './fixtures/app';

// The size the app is designed for: a 1366×768 laptop.
test.use({ viewport: { width: 1366, height: 768 } });

const GOOD = 'v=1&s=cache-aside-set-after-delete&f=none&g=o&seed=1&c=5&p=00110';

const BAD: readonly (readonly [string, string, RegExp])[] = [
  ['garbage', 'garbage', /not an Interleave link/],
  ['truncated', GOOD.slice(0, 30), /damaged or truncated/],
  ['future version', 'v=9&s=cache-aside-set-after-delete', /newer version \(v9\)/],
  ['unknown scenario', 'v=1&s=no-such-scenario&f=none&g=o&p=', /does not know/],
  ['prototype pollution', 'v=1&__proto__=x&s=a', /forbidden field/],
  ['bad packed schedule', 'v=1&s=cache-aside-set-after-delete&f=none&g=o&z=%%%', /damaged/],
  // Links to another built-in: the page loads the default scenario's model only once refused.
  ['future version, another scenario', 'v=9&s=write-behind-loss', /newer version \(v9\)/],
  ['bad packed schedule, another scenario', 'v=1&s=write-behind-loss&f=none&g=o&z=%%%', /damaged/],
  [
    'oversized',
    `v=1&s=cache-aside-set-after-delete&f=none&g=o&p=${'0'.repeat(20_000)}`,
    /too long/,
  ],
  [
    'corrupt compressed schedule',
    'v=1&s=cache-aside-set-after-delete&f=none&g=o&z=AAAA',
    /damaged or truncated/,
  ],
];

for (const [name, hash, message] of BAD) {
  test(`a bad link shows a message and opens the default scenario (${name})`, async ({
    app,
    page,
  }) => {
    await app.open(`/#${hash}`);
    await expect(page.getByTestId('notice-error')).toContainText(message);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Cache-aside: set after delete',
    );
    await app.expectStep(0, 0);
    // The refused link is kept in the message, with a button to copy it for a report.
    await expect(page.getByTestId('refused-link')).toContainText(hash.slice(0, 40));
    await expect(
      page.getByTestId('notice-error').getByRole('button', { name: 'Copy the link you opened' }),
    ).toBeVisible();
    if (name === 'garbage') await app.shot('malformed-link');
  });
}

test('a schedule that cannot be followed is kept as far as it goes, with a warning', async ({
  app,
  page,
}) => {
  await app.open('/#v=1&s=cache-aside-set-after-delete&f=none&g=o&seed=1&c=3&p=00z');
  await expect(page.getByTestId('notice-warning')).toContainText('past step 2');
  await app.expectStep(2, 2);
});

test('an odd but accepted link opens with a warning for each oddity', async ({ app, page }) => {
  await app.open('/#v=1&s=cache-aside-set-after-delete&f=none&g=o&m=readerz:3,writers:2,writers:1');
  const warnings = page.getByTestId('notice-warning');
  await expect(warnings).toHaveCount(2);
  await expect(warnings.first()).toContainText('parameter “readerz”');
  await expect(warnings.last()).toContainText('“writers” twice');
});
