// Drives the explorer page in Debian's headless Chromium with the network off, as a
// secretariat would use it, and checks it against the C++ answers.
// usage: node explorer.test.mjs RENKEI SOURCE_DIR OUT_DIR   (run by tests/explorer/run.sh)
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const [renkei, sourceDir, outDir] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const shots = join(outDir, 'screenshots');
mkdirSync(shots, { recursive: true });
const run = (...args) => execFileSync(renkei, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

/// A page with the network off: every request that is not the file itself is refused and
/// counted; console errors and page errors are collected.
async function openPage(file, viewport = { width: 1600, height: 900 }) {
  const context = await browser.newContext({ offline: true, viewport, acceptDownloads: true });
  const page = await context.newPage();
  const problems = { console: [], requests: [], dialogs: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.console.push(String(e)));
  page.on('dialog', (d) => { problems.dialogs.push(d.message()); d.dismiss(); });
  await page.route('**', (route) => {
    const url = route.request().url();
    if (url === 'file://' + file) return route.continue();
    problems.requests.push(url);
    return route.abort();
  });
  const t0 = Date.now();
  await page.goto('file://' + file);
  await page.waitForSelector('html[data-ready="1"]');
  // From navigation start to the end of the page's script: drawn, indexed, clickable.
  const readyMs = Math.round(await page.evaluate(() => Number(document.documentElement.getAttribute('data-ready-ms'))));
  const wallMs = Date.now() - t0;
  return { context, page, problems, readyMs, wallMs };
}

let failures = 0;
async function test(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${name}\n${e.stack || e}`);
  }
}

await test('the explorer works offline: search, panel with quotes, what-if, path, saving', async () => {
  const file = join(outDir, 'explorer.html');
  run('explorer', '-o', file);
  const bytes = statSync(file).size;
  assert.ok(bytes < 2 * 1024 * 1024, `explorer.html is ${bytes} bytes, over 2 MB`);
  const { context, page, problems, readyMs, wallMs } = await openPage(file);
  console.log(`     explorer.html: ${bytes} bytes, interactive ${readyMs} ms after navigation start (${wallMs} ms as the test saw it)`);
  assert.ok(readyMs < 1000, `interactive after ${readyMs} ms, over 1 s`);
  await page.screenshot({ path: join(shots, '1-initial.png') });

  // Search 上関, pick 上関町: the panel lists たんぽぽ with its exact quote.
  await page.fill('#search', '上関');
  await page.waitForSelector('#results li[data-node="kaminoseki"]');
  await page.screenshot({ path: join(shots, '2-search.png') });
  await page.click('#results li[data-node="kaminoseki"]');
  assert.equal(await page.textContent('#detail-name'), '上関町');
  const rel = page.locator('#relations li', { has: page.locator('button[data-node="tanpopo"]') });
  assert.equal(await rel.count(), 1);
  const relText = await rel.textContent();
  assert.ok(relText.includes('地域生活支援センターたんぽぽ'), relText);
  assert.ok(relText.includes('「①地域生活支援センターたんぼぼ」'), relText);
  assert.ok(relText.includes('16行目 §3'), relText);
  assert.ok((await page.textContent('#tabbody')).includes('資料外'), 'the region is marked as an outside fact');
  assert.ok(await page.locator('#view .drawing:not([hidden]) g.node.sel[data-node="kaminoseki"]').count() === 1);
  await page.screenshot({ path: join(shots, '3-kaminoseki.png') });

  // 阿武町 (row 19): the panel shows the row's words that no child is waiting, and beside its
  // inactive-coordinator finding, the same quote.
  await page.fill('#search', '阿武町');
  await page.waitForSelector('#results li[data-node="abu"]');
  await page.click('#results li[data-node="abu"]');
  const abuPanel = await page.textContent('#tabbody');
  assert.ok(abuPanel.includes('対象となる子はいない（表の記載）'), 'no-child heading');
  assert.equal(abuPanel.split('「対象者なしのため、実績なし。」').length - 1, 2, 'the quote under its heading and beside the finding');
  assert.ok(abuPanel.includes('ただし、表には「いま対象となる子がいない」とあります'), abuPanel);
  await page.screenshot({ path: join(shots, '3b-abu.png') });
  await page.fill('#search', '');

  // Clicking in the drawing selects too.
  await page.click('#btn-fit');
  await page.locator('#view .drawing:not([hidden]) g.node[data-node="tabuse"]').click();
  assert.equal(await page.textContent('#detail-name'), '田布施町');

  // Search folds width, long vowels and aliases: ｔａｎｐｏｐｏ, たんぼぼ (the source's misreading).
  for (const q of ['ｔａｎｐｏｐｏ', 'たんぼぼ', 'タンポポ', 'kaminoseki']) {
    await page.fill('#search', q);
    assert.ok(await page.locator('#results li[data-node]').count() > 0, `nothing found for ${q}`);
  }
  await page.fill('#search', '');

  // What-if: switch たんぽぽ off; 上関町 and 田布施町 are left with no coordinator office.
  await page.click('#tab-whatif');
  await page.check('#tabbody input[data-node="tanpopo"]');
  const uncovered = await page.locator('#uncovered li').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-node')));
  assert.deepEqual(uncovered, ['kaminoseki', 'tabuse']);
  const alarmed = await page.locator('#view .drawing:not([hidden]) g.node.alarm').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-node')).sort());
  assert.deepEqual(alarmed, ['kaminoseki', 'tabuse']);
  assert.equal(await page.locator('#view .drawing:not([hidden]) g.node.removed[data-node="tanpopo"]').count(), 1);
  await page.click('#btn-fit');
  await page.screenshot({ path: join(shots, '4-whatif-tanpopo.png') });

  // The page's what-if agrees with `renkei whatif --each office` for every office.
  const each = JSON.parse(run('whatif', '--each', 'office', '--json'));
  for (const a of each) {
    const ids = a.removed.map((r) => r.id);
    const js = await page.evaluate((ids) => window.renkeiWhatIf(ids), ids);
    assert.deepEqual(js.uncovered, a.uncovered.map((u) => u.id), `uncovered without ${ids}`);
    assert.deepEqual(js.noCouncil, a.no_council.map((u) => u.id), `no council without ${ids}`);
  }
  await page.click('#whatif-reset');

  // Path 上関町 → 柳井市, highlighted, as `renkei path` finds it.
  await page.click('#tab-path');
  await page.selectOption('#path-from', 'kaminoseki');
  await page.selectOption('#path-to', 'yanai');
  const chain = await page.locator('#path-result li[data-node]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-node')));
  const cli = JSON.parse(run('path', '上関町', '柳井市', '--json')).nodes.map((n) => n.id);
  assert.deepEqual(['kaminoseki', ...chain], cli);
  const lit = await page.locator('#view .drawing:not([hidden]) g.node.path').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-node')).sort());
  assert.deepEqual(lit, [...cli].sort());
  for (const [a, b] of [['waki', 'yamaguchi-support-center'], ['shimonoseki', 'yamaguchi-west-support-center'], ['shimonoseki', 'hagi'], ['kaminoseki', 'suo-oshima'], ['waki', 'tabuse']]) {
    const js = await page.evaluate(([a, b]) => window.renkeiPath(a, b), [a, b]);
    let c = null;  // `renkei path` exits 1 when nothing connects them
    try { c = JSON.parse(run('path', a, b, '--json')).nodes.map((n) => n.id); } catch { c = null; }
    assert.deepEqual(js && [a, ...js], c, `path ${a} → ${b}`);
  }
  await page.screenshot({ path: join(shots, '5-path.png') });

  // Filters: shared offices only leaves the shared offices and the towns they serve.
  await page.click('#tab-filter');
  await page.check('#f-shared');
  const on = await page.locator('#view .drawing:not([hidden]) g.node:not(.off)').count();
  assert.ok(on > 0 && on < 25, `${on} nodes shown with shared offices only`);
  await page.click('#f-reset');

  // Gap list: every municipality with its findings and quotes.
  await page.click('#tab-gaps');
  assert.equal(await page.locator('#tabbody .card').count(), 19);
  assert.ok((await page.locator('#tabbody .card[data-municipality="kaminoseki"]').textContent()).includes('「特になし」'));

  // Saving the view: an SVG and a PNG, made in the page.
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.click('#btn-svg')]);
  const svgPath = join(shots, 'saved-view.svg');
  await svgDownload.saveAs(svgPath);
  assert.ok(readFileSync(svgPath, 'utf8').startsWith('<svg'), 'saved SVG');
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.click('#btn-png')]);
  const pngPath = join(shots, 'saved-view.png');
  await pngDownload.saveAs(pngPath);
  assert.deepEqual([...readFileSync(pngPath).subarray(1, 4)], [0x50, 0x4e, 0x47], 'saved PNG');

  // Large type, then English.
  await page.click('#tab-detail');
  await page.fill('#search', '上関');
  await page.click('#results li[data-node="kaminoseki"]');
  await page.click('#btn-large');
  await page.screenshot({ path: join(shots, '6-large.png') });
  await page.click('#btn-large');
  await page.click('#btn-lang');
  assert.equal(await page.textContent('#detail-name'), 'Kaminoseki');
  assert.equal(await page.locator('#view .drawing[data-lang="en"]:not([hidden])').count(), 1);
  await page.screenshot({ path: join(shots, '7-english.png') });

  assert.deepEqual(problems.console, [], 'console errors');
  assert.deepEqual(problems.requests, [], 'requests');
  await context.close();
});

await test('names and quotes are data, never markup: a hostile dataset runs nothing', async () => {
  const data = JSON.parse(readFileSync(join(sourceDir, 'data/yamaguchi-r6.json'), 'utf8'));
  delete data.document.source_file;  // quotes no longer match the source; they are not checked
  const hostile = [
    '</script><script>window.__pwned=1;alert(1)</script>',
    '"quoted" & \'apos\' <img src=x onerror="window.__pwned=1">',
    'javascript:alert(1)',
    '\u2028line\u2029separators <!-- -->',
  ];
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  byId.get('kaminoseki').name = hostile[0];
  byId.get('tanpopo').name = hostile[1];
  byId.get('tabuse').name = hostile[2];
  byId.get('yanai').name = hostile[3];
  byId.get('tanpopo').note = hostile[0];
  byId.get('kaminoseki').name_en = hostile[1];
  for (const e of data.edges) if (e.from === 'kaminoseki' && e.to === 'tanpopo') e.note = hostile[2];
  const dir = join(outDir, 'hostile');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'hostile.json'), JSON.stringify(data, null, 1));
  // The outside facts name each municipality too: give them the same hostile names.
  const facts = JSON.parse(readFileSync(join(sourceDir, 'data', data.outside_facts), 'utf8'));
  for (const m of facts.municipalities) if (byId.has(m.municipality)) m.name = byId.get(m.municipality).name;
  writeFileSync(join(dir, data.outside_facts), JSON.stringify(facts, null, 1));
  const file = join(dir, 'hostile.html');
  run('explorer', '--data', join(dir, 'hostile.json'), '-o', file);
  const html = readFileSync(file, 'utf8');
  assert.equal(html.split('<script').length - 1, 2, 'exactly the data block and the page script');

  const { context, page, problems } = await openPage(file);
  await page.fill('#search', 'kaminoseki');
  await page.click('#results li[data-node="kaminoseki"]');
  assert.equal(await page.textContent('#detail-name'), hostile[0]);
  const panel = await page.textContent('#tabbody');
  assert.ok(panel.includes(hostile[1]) && panel.includes(hostile[2]), 'hostile text shown literally');
  await page.click('#tab-whatif');
  await page.check('#tabbody input[data-node="tanpopo"]');
  assert.ok((await page.textContent('#whatif-result')).includes(hostile[2]));
  await page.click('#btn-lang');
  await page.click('#btn-lang');
  await page.screenshot({ path: join(shots, '8-hostile.png') });
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'injected script ran');
  assert.deepEqual(problems.dialogs, [], 'dialogs');
  assert.equal(await page.locator('img, iframe, a[href^="javascript"]').count(), 0, 'injected elements');
  assert.deepEqual(problems.requests, [], 'requests');
  assert.deepEqual(problems.console, [], 'console errors');
  await context.close();
});

await browser.close();
console.log(failures ? `${failures} failed` : `all passed; screenshots in ${shots}`);
process.exit(failures ? 1 : 0);
