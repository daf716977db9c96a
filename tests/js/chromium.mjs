// The browser the tests use, from the project's own lock: a headless Chromium shipped inside the
// npm package @sparticuz/chromium (pinned, with its integrity hash, in package-lock.json).
//
//   node tests/js/chromium.mjs          prints {"executablePath", "version", "source", "env"}
//   import { launchOptions } from "./chromium.mjs"   (puppeteer-core's launch options)
//
// Why this package: it is a plain registry package (no install script, no download at run
// time) holding one Linux x64 Chromium build, brotli-compressed (67 MB), so `npm ci` alone
// brings the browser, byte for byte the same on every machine, and axe-core sees the same
// engine wherever it runs. (puppeteer's own browser download and Playwright's fetch from
// hosts outside the package registries, which a locked-down machine cannot reach.)
//
// It is unpacked on first use into node_modules/.cache/chromium/<version>/ (inside the
// project, keyed by the package's version): each process unpacks into a folder of its own and
// renames it into place, so two test runs at once never race on one binary; the loser of the
// rename drops its copy and uses the winner's. Where the package has no binary (macOS,
// Windows, Linux on ARM) or to test another browser, CHROME_PATH names a Chrome or Chromium.
import { spawnSync } from "node:child_process";
import { existsSync, accessSync, constants, mkdirSync, mkdtempSync, readFileSync, renameSync,
  rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const PACKAGE = "@sparticuz/chromium";

// Flags for a test browser: no sandbox (CI runs as root), and none of Chromium's own traffic
// (this machine's network is closed; the tests count every request a page makes).
export const FLAGS = ["--no-sandbox", "--disable-gpu", "--no-zygote", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-quic", "--disable-default-apps", "--mute-audio"];

export class BrowserError extends Error {}

function packageDir(root) {
  const require = createRequire(join(root, "package.json"));
  let entry;
  try {
    entry = require.resolve(PACKAGE);  // build/index.js
  } catch {
    throw new BrowserError(`node_modules/${PACKAGE} is missing: run \`make node_modules\` ` +
      "(npm ci from the committed package-lock.json), or set CHROME_PATH to a Chrome or Chromium");
  }
  return resolve(dirname(entry), "..");
}

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function versionOf(path, env) {
  const run = spawnSync(path, ["--version"], { encoding: "utf8", env: { ...process.env, ...env },
    timeout: 30000 });
  return run.status === 0 ? run.stdout.trim() : null;
}

async function unpack(pkg, target) {
  const { inflate } = await import(PACKAGE);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(`${target}.tmp-`);
  const before = process.env.TMPDIR;
  process.env.TMPDIR = staging;  // the package unpacks into os.tmpdir()
  try {
    const bin = join(pkg, "bin");
    await Promise.all(["chromium.br", "fonts.tar.br", "swiftshader.tar.br", "al2023.tar.br"]
      .map((name) => inflate(join(bin, name))));
  } finally {
    if (before === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = before;
  }
  // Fonts: the machine's own (when it has fontconfig's configuration), then the package's
  // Open Sans, so that a machine with no fonts at all still draws text.
  writeFileSync(join(staging, "fonts.conf"), [
    "<?xml version=\"1.0\"?>", "<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">", "<fontconfig>",
    "  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>",
    `  <dir>${join(target, "fonts", "fonts")}</dir>`,
    `  <cachedir>${join(target, "fonts-cache")}</cachedir>`, "</fontconfig>", ""].join("\n"));
  try {
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(target, "chromium"))) throw error;  // someone else won: use theirs
  }
}

// The browser to use: CHROME_PATH if set, else the package's own, unpacked on first use.
// Returns {executablePath, version, source, env}: env holds what the binary needs set.
export async function resolveBrowser({ root = ROOT, env = process.env,
  platform = process.platform, arch = process.arch } = {}) {
  if (env.CHROME_PATH) {
    if (!executable(env.CHROME_PATH)) {
      throw new BrowserError(`CHROME_PATH=${env.CHROME_PATH} is not an executable file: ` +
        "name a Chrome or Chromium binary, or unset it to use the project's own Chromium");
    }
    const version = versionOf(env.CHROME_PATH, {});
    if (!version) throw new BrowserError(`CHROME_PATH=${env.CHROME_PATH}: --version failed`);
    return { executablePath: env.CHROME_PATH, version, source: "CHROME_PATH", env: {} };
  }
  if (platform !== "linux" || arch !== "x64") {
    throw new BrowserError(`${PACKAGE} ships a Chromium for Linux x64 only; this is ` +
      `${platform}-${arch}: set CHROME_PATH to a Chrome or Chromium (on macOS, e.g. ` +
      "\"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome\")");
  }
  const pkg = packageDir(root);
  const { version } = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  const target = join(root, "node_modules", ".cache", "chromium", version);
  const path = join(target, "chromium");
  if (!existsSync(path)) await unpack(pkg, target);
  const needs = { FONTCONFIG_FILE: join(target, "fonts.conf") };
  let found = versionOf(path, needs);
  if (!found) {  // a machine without NSS: the package's own copies of those libraries
    needs.LD_LIBRARY_PATH = [join(target, "al2023", "lib"), env.LD_LIBRARY_PATH]
      .filter(Boolean).join(":");
    found = versionOf(path, needs);
  }
  if (!found) {
    throw new BrowserError(`${path} does not start (${PACKAGE} ${version}); remove ` +
      `${dirname(path)} to unpack it again, or set CHROME_PATH to a Chrome or Chromium`);
  }
  return { executablePath: path, version: found, source: `${PACKAGE} ${version}`, env: needs };
}

// puppeteer-core's launch options for that browser, with a profile folder of the caller's.
export async function launchOptions(profile, extra = {}) {
  const browser = await resolveBrowser();
  return {
    executablePath: browser.executablePath, headless: "shell",
    args: [...FLAGS, `--user-data-dir=${profile}`],
    env: { ...process.env, ...browser.env }, ...extra,
  };
}

// Open ``file`` ("PAGE.html" or "PAGE.html?q=word") in ``page`` from file://, refusing every
// request that is not file: or data: (the site must work offline). Returns the refused URLs,
// filled as the page loads.
export async function openOffline(page, file) {
  const refused = [];
  await page.setRequestInterception(true);
  page.on("request", (req) => {
    const url = req.url();
    if (url.startsWith("file:") || url.startsWith("data:")) req.continue();
    else { refused.push(url); req.abort("blockedbyclient"); }
  });
  const [path, query] = file.split("?");
  await page.goto(pathToFileURL(resolve(path)).href + (query ? `?${query}` : ""),
    { waitUntil: "load", timeout: 60000 });
  return refused;
}

// ``visit(item, index)`` over ``items``, ``workers`` at a time; results in the items' order.
export async function eachAtOnce(items, workers, visit) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, items.length)) },
    async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await visit(items[i], i);
      }
    }));
  return results;
}

if (resolve(process.argv[1] ?? "") === fileURLToPath(import.meta.url)) {
  try {
    console.log(JSON.stringify(await resolveBrowser()));
  } catch (error) {
    console.error(error instanceof BrowserError ? error.message : error.stack);
    process.exit(2);
  }
}
