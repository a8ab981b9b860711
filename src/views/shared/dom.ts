// A tiny element builder: views build their DOM from data, and text always goes in as
// text (text nodes, attribute values), never as HTML, so names from Batch cannot inject
// markup. Nothing in the views writes innerHTML, outerHTML or insertAdjacentHTML.

type Child = Node | string | number | false | null | undefined;
type Props = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") node.addEventListener(key.replace(/^on/, ""), value);
    else if (key === "class") node.className = String(value);
    else if (key === "style") node.setAttribute("style", String(value));
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/**
 * A string from Batch (a name, a step name, a version label) as an isolated run of text: a
 * bidirectional control inside it (U+202E…) cannot reorder the words around it.
 */
export function batchText(value: string): HTMLElement {
  return el("bdi", {}, value);
}

/** The same isolation inside an attribute (aria-label), where no element can go: FSI … PDI. */
export function isolate(value: string): string {
  return `\u2068${value}\u2069`;
}

/** Replaces everything inside `parent`. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}
