// Which HTML and CSS features of each e-mail file the named mail clients lack, by
// caniemail.com's data (npm doiuse-email, pinned in package.json). One process for all
// files: node starts once, not once per issue.
//
//   node email_clients.mjs CLIENT[,CLIENT…] FILE…
//
// Prints JSON: {file: {"findings": [{feature, title, client, support}]}} with support
// "none" or "partial" (each feature and client once per file), or {file: {"error": text}}
// when a file cannot be read or parsed. Called by email_clients.py.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { DoIUseEmail } from "doiuse-email";

// doiuse-email reports a feature by its title ("<body> element"); its data file gives the
// caniemail id ("html-body") that the allow-list in email_clients.py names. The package
// exports only its entry point, so the file is found next to it.
const packageDir = path.dirname(createRequire(import.meta.url).resolve("doiuse-email"));
const caniemail = JSON.parse(readFileSync(path.join(packageDir, "data", "can-i-email.json")));
const featureIds = new Map(caniemail.data.map((feature) => [feature.title, feature.slug]));
const featureTitles = new Map(caniemail.data.map((feature) => [feature.slug, feature.title]));

// doiuse-email 0.4.1 never looks at image formats (an <img> of an SVG passes) and maps
// "Embedded <svg> image" to <image> elements only, not to <svg>: both are added here from
// the same data, as the file extension of each <img src> (image-svg, image-webp, …).
const FORMAT_ALIASES = { jpeg: "jpg", tif: "tiff", heic: "heif" };

function imageFormatTitle(src) {
  if (src.trim().toLowerCase().startsWith("data:")) return featureTitles.get("image-base64");
  const extension = /\.(\w+)$/.exec(src.split(/[?#]/)[0])?.[1]?.toLowerCase();
  if (extension === undefined) return undefined;
  return featureTitles.get(`image-${FORMAT_ALIASES[extension] ?? extension}`);
}

function hasData(client) {
  const [family, platform] = client.split(".");
  return caniemail.data.some((feature) => feature.stats[family]?.[platform] !== undefined);
}

// doiuse-email checks every client for each feature in one go and throws when one of
// them was never tested for it (Thunderbird has no data for table-layout, for example),
// which would end the whole file's check. Asking it one client at a time keeps its own
// verdict (latest tested version: yes, partial, no) and skips only the untested pair:
// caniemail knows nothing against it. Its client list also lacks outlook.com
// (outlook.outlook-com), which its data has, so the clients are set after construction.
class EachClient extends DoIUseEmail {
  constructor(clients) {
    super({ emailClients: ["*"] });
    this.emailClients = clients;
    this.findings = new Map();
  }

  checkFeaturesSupport(titles) {
    const clients = this.emailClients;
    try {
      for (const title of [titles].flat()) {
        for (const client of clients) {
          this.emailClients = [client];
          const before = { none: this.errors.length, partial: this.warnings.length };
          try {
            super.checkFeaturesSupport(title);
          } catch (error) {
            if (!String(error.message).includes("not found on")) throw error;
          }
          if (this.errors.length > before.none) this.record(title, client, "none");
          else if (this.warnings.length > before.partial) this.record(title, client, "partial");
        }
      }
    } finally {
      this.emailClients = clients;
    }
  }

  checkHtmlNode(node) {
    if (node.tagName === "svg") this.checkFeaturesSupport(featureTitles.get("html-svg"));
    const src = node.tagName === "img"
      ? node.attributes?.find((attribute) => attribute.name === "src")?.value : undefined;
    const format = src === undefined ? undefined : imageFormatTitle(src);
    if (format !== undefined) this.checkFeaturesSupport(format);
    super.checkHtmlNode(node);
  }

  record(title, client, support) {
    const feature = featureIds.get(title) ?? title;
    this.findings.set(`${feature} ${client}`, { feature, title, client, support });
  }
}

const [clientList, ...files] = process.argv.slice(2);
const clients = (clientList ?? "").split(",").filter(Boolean);
const unknown = clients.filter((client) => !hasData(client));
if (clients.length === 0 || unknown.length > 0) {
  console.error(`Unbekannte E-Mail-Programme (caniemail): ${unknown.join(", ") || "keine"}`);
  process.exit(2);
}

const report = {};
for (const file of files) {
  try {
    const checker = new EachClient(clients);
    checker.check(readFileSync(file, "utf8"));
    report[file] = { findings: [...checker.findings.values()] };
  } catch (error) {
    report[file] = { error: String(error.message ?? error) };
  }
}
process.stdout.write(JSON.stringify(report));
