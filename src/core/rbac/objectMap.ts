/**
 * Objects by (kind, namespace, name), in nested maps: a dump of 10,000 objects is looked up tens of
 * thousands of times, and joining the three into one key string for every lookup costs more than
 * the lookups themselves.
 */
export class ObjectMap<V> {
  private readonly kinds = new Map<string, Map<string, Map<string, V>>>();

  get(kind: string, namespace: string, name: string): V | undefined {
    return this.kinds.get(kind)?.get(namespace)?.get(name);
  }

  set(kind: string, namespace: string, name: string, value: V): void {
    let namespaces = this.kinds.get(kind);
    if (!namespaces) this.kinds.set(kind, (namespaces = new Map()));
    let names = namespaces.get(namespace);
    if (!names) namespaces.set(namespace, (names = new Map()));
    names.set(name, value);
  }
}
