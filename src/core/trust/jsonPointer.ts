/** Reads a claim by RFC 6901 JSON pointer (`/kubernetes.io/namespace`), as Vault's JWT method does. */
export function readJsonPointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  if (!pointer.startsWith('/')) return undefined;
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.split('~1').join('/').split('~0').join('~');
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d{0,8})$/.test(key)) return undefined;
      node = node[Number(key)];
    } else if (node !== null && typeof node === 'object' && Object.hasOwn(node, key)) node = (node as Record<string, unknown>)[key];
    else return undefined;
  }
  return node;
}
