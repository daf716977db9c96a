// axe-core over pages in the project's own headless Chromium (tests/js/chromium.mjs: pinned in
// package-lock.json), driven by puppeteer-core; prints one JSON object.
//
//   node tests/js/axe.mjs PAGE.html [PAGE.html?q=word ...]
//
// Every page is opened from file://; any request that is not file: or data: is blocked and
// reported (the site must work offline). Rules: WCAG 2.0/2.1 A and AA, and best practice.
// Output: {"pages": {"<path>": {"violations": [{id, impact, help, nodes: [{target, summary}]}],
//          "blocked": [url, ...]}}}. Exit 0 when it ran (whatever it found), 2 when it could not.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";

import puppeteer from "puppeteer-core";

import { BrowserError, eachAtOnce, launchOptions, openOffline } from "./chromium.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

const pages = process.argv.slice(2);
if (!pages.length) {
  console.error("usage: node tests/js/axe.mjs PAGE.html [PAGE.html ...]");
  process.exit(2);
}
const profile = mkdtempSync(join(tmpdir(), "axe-profile-"));
let browser;
try {
  browser = await puppeteer.launch(await launchOptions(profile,
    { defaultViewport: { width: 1100, height: 1400 } }));
  const out = { axe: require("axe-core/package.json").version, browser: await browser.version(),
    tags: TAGS, pages: {} };
  // Pages are checked a few at a time (axe runs in each page's own renderer process); the
  // report lists them in the order given, whatever order they finish in.
  const check = async (file) => {
    const page = await browser.newPage();
    // "PAGE.html?q=word": the page with a query (the site's search shows its results)
    const blocked = await openOffline(page, file);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async (tags) => {
      const res = await window.axe.run(document, {
        runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return res.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html.slice(0, 200),
          summary: n.failureSummary })),
      }));
    }, TAGS);
    await page.close();
    return { violations, blocked };
  };
  const results = await eachAtOnce(pages, Math.min(4, cpus().length), check);
  pages.forEach((file, i) => { out.pages[file] = results[i]; });
  process.stdout.write(JSON.stringify(out) + "\n");
} catch (err) {
  console.error(err instanceof BrowserError ? err.message
    : `axe.mjs: ${err && err.stack ? err.stack : err}`);
  process.exitCode = 2;
} finally {
  if (browser) await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
