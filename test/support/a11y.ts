/** The accessibility tree as Chromium exposes it, and lookups in it. */
import {a11ySnapshot, findAccessibilityNode} from '@web/test-runner-commands';

export interface AXNode {
  role: string;
  name: string;
  description?: string;
  level?: number;
  checked?: boolean | 'mixed';
  disabled?: boolean;
  modal?: boolean;
  children: AXNode[];
}

/** A snapshot of the whole page's accessibility tree. */
export async function axTree(): Promise<AXNode> {
  return (await a11ySnapshot({})) as unknown as AXNode;
}

/** The first node in `tree` with `role` and a name equal to (or matching) `name`. */
export function findAx(tree: AXNode, role: string, name: string | RegExp): AXNode | null {
  return findAccessibilityNode<AXNode>(
    tree,
    (node) => node.role === role && (typeof name === 'string' ? node.name === name : name.test(node.name))
  );
}

/** Every node in `tree` with `role`, in tree order. */
export function findAllAx(tree: AXNode, role: string): AXNode[] {
  const found = tree.role === role ? [tree] : [];
  return found.concat(...(tree.children ?? []).map((child) => findAllAx(child, role)));
}
