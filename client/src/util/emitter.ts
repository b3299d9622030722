/**
 * A minimal event emitter with VS Code's `Event` shape, for the modules that must stay free of
 * `vscode` (models, stores) so unit tests can load them without an extension host.
 */
export interface Disposable {
  dispose(): void;
}

export type Event<T> = (listener: (value: T) => void) => Disposable;

export class Emitter<T> implements Disposable {
  private listeners = new Set<(value: T) => void>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch {
        // One failing listener must not stop the others (or the caller).
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
