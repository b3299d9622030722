/** Which pip distribution provides an imported module, for `undeclared-dependency` and its quick fix. */

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
