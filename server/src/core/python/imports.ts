/**
 * Reads the top-level modules a Python source imports, line by line (no full parser): enough to
 * compare imports with `spec.dependencies`. Relative imports, imports inside string literals and
 * imports guarded by `try:` (optional dependencies) are left out.
 */
export interface ImportUse {
  /** Top-level module name (`google` for `import google.cloud.storage`). */
  module: string;
  /** Position of the module name in the source. */
  index: number;
  length: number;
}

const IMPORT = /^([ \t]*)import[ \t]+(.+)$/;
const FROM = /^([ \t]*)from[ \t]+([A-Za-z_][\w.]*)[ \t]+import\b/;
const TRIPLE = /"""|'''/g;

export function pythonImports(source: string): ImportUse[] {
  const out: ImportUse[] = [];
  let inString: string | undefined;
  let tryIndent = -1;
  let offset = 0;
  for (const line of source.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    // Track triple-quoted strings (a line that opens and closes one stays outside).
    const quotes = line.match(TRIPLE) ?? [];
    const wasInString = inString !== undefined;
    for (const q of quotes) inString = inString === undefined ? q : inString === q ? undefined : inString;
    if (wasInString) continue;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = line.length - trimmed.length;
    if (tryIndent >= 0 && indent <= tryIndent && !/^(?:except|else|finally)\b/.test(trimmed)) tryIndent = -1;
    if (/^try[ \t]*:/.test(trimmed)) {
      if (tryIndent < 0) tryIndent = indent;
      continue;
    }
    if (tryIndent >= 0) continue;
    const from = FROM.exec(line);
    if (from) {
      const module = from[2].split('.')[0];
      out.push({ module, index: lineStart + line.indexOf(from[2], from[1].length + 4), length: module.length });
      continue;
    }
    const imp = IMPORT.exec(line);
    if (!imp) continue;
    let at = line.indexOf('import', imp[1].length) + 6;
    for (const part of imp[2].replace(/#.*$/, '').split(',')) {
      const name = /^[ \t(]*([A-Za-z_]\w*)/.exec(part);
      if (name) {
        const module = name[1];
        out.push({ module, index: lineStart + line.indexOf(module, at), length: module.length });
      }
      at += part.length + 1;
    }
  }
  return out;
}

/** PEP 503 normalised distribution name. */
export function normalizeDistribution(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, '-');
}

/** Import names whose distribution is called differently. */
const DISTRIBUTIONS: Record<string, readonly string[]> = {
  yaml: ['pyyaml'],
  PIL: ['pillow'],
  cv2: ['opencv-python', 'opencv-python-headless', 'opencv-contrib-python'],
  sklearn: ['scikit-learn'],
  skimage: ['scikit-image'],
  bs4: ['beautifulsoup4'],
  dateutil: ['python-dateutil'],
  dotenv: ['python-dotenv'],
  jwt: ['pyjwt'],
  jose: ['python-jose'],
  Crypto: ['pycryptodome'],
  OpenSSL: ['pyopenssl'],
  docx: ['python-docx'],
  pptx: ['python-pptx'],
  magic: ['python-magic'],
  fitz: ['pymupdf'],
  psycopg2: ['psycopg2-binary'],
  MySQLdb: ['mysqlclient'],
  serial: ['pyserial'],
  attr: ['attrs'],
  multipart: ['python-multipart'],
  slugify: ['python-slugify'],
  telegram: ['python-telegram-bot'],
  zmq: ['pyzmq'],
  git: ['gitpython'],
  googleapiclient: ['google-api-python-client'],
  grpc: ['grpcio'],
  dns: ['dnspython'],
  Levenshtein: ['python-levenshtein', 'levenshtein'],
  ldap: ['python-ldap'],
  markdown_it: ['markdown-it-py'],
  socks: ['pysocks'],
  usb: ['pyusb'],
};

/** The distribution a module most likely comes from, for messages and quick fixes. */
export function distributionFor(module: string): string {
  return DISTRIBUTIONS[module]?.[0] ?? normalizeDistribution(module);
}

/** Whether one of the declared distributions provides this top-level module. */
export function isProvided(module: string, declared: ReadonlySet<string>): boolean {
  const m = normalizeDistribution(module);
  if (declared.has(m) || declared.has(`python-${m}`) || declared.has(`py${m}`) || declared.has(`${m}-python`)) return true;
  for (const d of DISTRIBUTIONS[module] ?? []) if (declared.has(d)) return true;
  // Namespace packages: `google` from google-cloud-storage, `azure` from azure-storage-blob, …
  for (const d of declared) if (d.startsWith(`${m}-`)) return true;
  return false;
}
