// Open pages in the project's headless Chromium (tests/js/chromium.mjs) as a reader would:
// a screenshot of each, what it logged, what it asked the network for, and its DOM.
//
//   node tests/js/browse.mjs --out DIR [--width 1100] [--height 1400] [--full-page] [--dom]
//        PAGE.html [PAGE.html?q=word ...]
//
// Each page gets a fresh browser context (no shared cache, storage or cookies) in one browser.
// Requests that are not file: or data: are recorded and refused (the site must work offline).
// Prints {"browser": version, "pages": {"<path>": {"shot", "console": [...], "requests": [...],
// "dom"?}}}; exit 0 when it ran (whatever it found), 2 when it could not.
// Also the screenshot tool: `make screenshots` runs it at a desktop and a phone width.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

import puppeteer from "puppeteer-core";

import { BrowserError, eachAtOnce, launchOptions, openOffline } from "./chromium.mjs";

const MAX_SHOT_PX = 16000;
const args = process.argv.slice(2);
const opts = { out: null, width: 1100, height: 1400, fullPage: false, dom: false, pages: [] };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--out") opts.out = args[++i];
  else if (a === "--width") opts.width = Number(args[++i]);
  else if (a === "--height") opts.height = Number(args[++i]);
  else if (a === "--full-page") opts.fullPage = true;
  else if (a === "--dom") opts.dom = true;
  else opts.pages.push(a);
}
if (!opts.out || !opts.pages.length || !(opts.width > 0) || !(opts.height > 0)) {
  console.error("usage: node tests/js/browse.mjs --out DIR [--width N] [--height N] " +
    "[--full-page] [--dom] PAGE.html [...]");
  process.exit(2);
}
mkdirSync(opts.out, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), "browse-profile-"));
let browser;
try {
  browser = await puppeteer.launch(await launchOptions(profile,
    { defaultViewport: { width: opts.width, height: opts.height } }));
  const out = { browser: await browser.version(), width: opts.width, pages: {} };
  const visit = async (file, n) => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const consoleLines = [];
    page.on("console", (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
    page.on("pageerror", (e) => consoleLines.push(`pageerror: ${e.message}`));
    const requests = await openOffline(page, file);  // "PAGE.html?q=word" searches on load
    // A refused request logs "Failed to load resource"; it is reported under requests.
    const logged = consoleLines.filter((l) => !l.includes("net::ERR_BLOCKED_BY_CLIENT"));
    const name = basename(file.split("?")[0], ".html");
    const shot = join(opts.out, `${String(n).padStart(3, "0")}-${name}.png`);
    // A whole page, up to the tallest picture Chromium will take (longer pages are cut there,
    // and the result says so).
    const tall = opts.fullPage
      ? await page.evaluate(() => document.documentElement.scrollHeight) : opts.height;
    const cut = tall > MAX_SHOT_PX;
    if (cut) {
      await page.screenshot({ path: shot, captureBeyondViewport: true,
        clip: { x: 0, y: 0, width: opts.width, height: MAX_SHOT_PX } });
    } else {
      await page.screenshot({ path: shot, fullPage: opts.fullPage });
    }
    // Each chart's download links (publish/downloads.py): drawn under the chart they belong to
    // and wide enough to read, or a reader never finds them.
    const chartLinks = await page.evaluate(() => [...document.querySelectorAll(".chart-files")]
      .map((p) => {
        const img = p.parentElement.querySelector("img");
        const box = p.getBoundingClientRect();
        return { below: !!img && box.top >= img.getBoundingClientRect().bottom - 1,
          width: Math.round(box.width) };
      }));
    // Tables (and the index's tile map) a reader must scroll sideways to read, at this width:
    // each as its kind, its first header cell's (or tile's) text and its width (the page's own
    // scroll box hides the overflow, not the need).
    const wideTables = await page.evaluate(() => [...document.querySelectorAll(
      "main table, main .tiles")]
      .filter((t) => t.scrollWidth > document.documentElement.clientWidth)
      .map((t) => ({ kind: t.tagName === "TABLE" ? "table" : "tiles",
        first: (t.querySelector("th, td, b")?.textContent || "").trim().slice(0, 40),
        width: t.scrollWidth })));
    const result = { shot, console: logged, requests, height: tall, cut, chartLinks,
      wideTables };
    if (opts.dom) result.dom = await page.content();
    await context.close();
    return result;
  };
  // Two pages at a time: a page mostly waits on its renderer.
  const results = await eachAtOnce(opts.pages, 2, visit);
  opts.pages.forEach((p, i) => { out.pages[p] = results[i]; });
  console.log(JSON.stringify(out));
} catch (error) {
  console.error(error instanceof BrowserError ? error.message : error.stack);
  process.exitCode = 2;
} finally {
  if (browser) await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
