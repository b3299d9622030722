/**
 * A Sinas instance the user can talk to. Only `name` and `url` are persisted in plain storage;
 * the API key lives in SecretStorage (or, for the environment connection, in memory only).
 */
export interface Connection {
  /** Stable id: a random one for stored connections, `environment` for SINAS_URL. */
  id: string;
  name: string;
  url: string;
  source: 'stored' | 'environment';
}

/** What globalState holds per stored connection: never a key. */
export interface StoredConnection {
  id: string;
  name: string;
  url: string;
  /** The plain-http URL the user agreed to send the key to (re-asked when the URL changes). */
  insecureAcceptedUrl?: string;
}

/** The part of `vscode.Memento` the store needs. */
export interface StateStorage {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/** The part of `vscode.SecretStorage` the store needs. */
export interface SecretStorageLike {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
}
