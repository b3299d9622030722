// Secrets this run generated (the sandbox API key). Everything the harness writes under
// test-results goes through redact(), so a key printed by a child never lands in a file.
const secrets = new Set();

export function addSecret(secret) {
  if (secret) secrets.add(secret);
}

export function redact(text) {
  let result = String(text);
  for (const secret of secrets) result = result.split(secret).join('<redacted>');
  return result;
}

/** A write(chunk) sink that redacts whole lines (a secret may straddle two chunks). */
export function redactingLines(stream) {
  let pending = '';
  return {
    write(chunk) {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop();
      if (lines.length) stream.write(redact(`${lines.join('\n')}\n`));
    },
    end() {
      if (pending) stream.write(redact(pending));
      stream.end();
    },
  };
}
