/** `sinas-package --help`. */
export const HELP = `Usage: sinas-package <command> [options]

Commands:
  validate <paths...> [--format text|json|github|sarif] [--max-warnings N] [--severity CODE=LEVEL ...] [--instance] [--jobs N]
      Check SinasPackage files with the language core (no instance needed). A path is a file,
      a directory (searched recursively; node_modules and dot-folders are not) or a quoted glob;
      of the YAML files found in directories and by globs only SinasPackages are checked.
      text prints file:line:col severity code message; github prints workflow annotations;
      sarif prints a SARIF 2.1.0 log for code scanning. Exit 1 when any error is found or
      there are more than N warnings. LEVEL is error, warning, info, hint or off (as the
      editor's sinas.diagnostics.severity). --instance also checks against the instance
      (SINAS_URL, SINAS_API_KEY): references missing there, inactive providers, resources the
      install would overwrite or skip. It only reads the instance's lists; files are not sent.
      --jobs N checks on N threads (default: one thread below 3 cores; from 3 cores, one per
      400 kB of files, up to one per core but one; the output is the same).
  preview <file> [--var NAME=value ...] [--format text|json]
      Show what installing the file would change (dry run on the instance).
  install <file> [--var NAME=value ...] [--yes] [--format text|json]
      Preview, confirm, install. A partial install (some resources failed) exits 3.
  uninstall <name> [--yes]
      Remove a package and every resource it manages.
  list [--format text|json]
      Installed packages, newest first.
  get <name> [--format text|json]
      One package: version, author, install time, variable values (secrets as ***).
  export <name> [-o FILE [--force]]
      The YAML of the package's last install, placeholders kept. -o never writes through a
      symbolic link and replaces an existing file only after asking (or with --force).
  create --name NAME [--version V] --resource TYPE:NS/NAME ... [--description D] [--author A] [--package-url U] [-o FILE [--force]]
      Build a package from existing resources. TYPE is one of agent, function, skill,
      connector, manifest, component, query, collection, store, template (NS/NAME or NAME),
      webhook (its path), schedule, database_trigger (their name). Skipped resources exit 3.

Connection (every command except validate without --instance):
  SINAS_URL or --url URL   Base URL of the Sinas instance, e.g. https://sinas.example.com
  SINAS_API_KEY            The API key. Or pipe it in with --api-key-stdin. Never an argument.
  --timeout SECONDS        Per request (default 30).
  --allow-http             Allow sending the key over plain http to a host that is not local.
  --verbose                Log every request (method, path, status, time) to stderr; no secrets.
                           Also shows where an internal error happened.

Variables (preview, install):
  --var NAME=value or the environment variable SINAS_VAR_<NAME>. On a terminal, variables
  without a value are prompted (secrets without echo). Values are never printed. Secret
  variables are refused in --var (arguments show in the process list): use SINAS_VAR_<NAME>.

Prompts happen only when stdin and stderr are terminals; --no-input turns them off. Without a
terminal, install and uninstall need --yes.

Exit codes: 0 ok, 1 failed (errors found, request failed, declined), 2 usage or configuration
error, 3 partial (install with apply errors, create with skipped resources).

Other: --help, --version.
`;
