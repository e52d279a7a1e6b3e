"""Orders of a corpus where related articles sit together, and the groups they form."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from viewer.core.structures.disjoint_sets import DisjointSets


def cluster_order(n: int, pairs: Mapping[tuple[int, int], float] | Iterable[tuple[int, int, float]]) -> list[int]:
    """An order of ``0..n-1`` where related articles sit next to each other.

    Single-linkage agglomerative clustering on the sparse similarity graph (Kruskal:
    strongest pair first). When two clusters join through the pair (u, v), each is
    flipped if that brings u and v to the touching ends, so strongly related articles end
    up adjacent, not only in the same block. Clusters come out biggest first; articles
    that share nothing with any other follow, in their original order. O(E log E + n).
    """
    if isinstance(pairs, Mapping):
        edges = [(value, i, j) for (i, j), value in pairs.items()]
    else:
        edges = [(value, i, j) for i, j, value in pairs]
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    groups = DisjointSets(range(n))
    # Per cluster root: its tree node and its two end leaves. Nodes 0..n-1 are leaves.
    node_of = list(range(n))
    first = list(range(n))
    last = list(range(n))
    left: list[int] = []
    right: list[int] = []
    flip_left: list[bool] = []
    flip_right: list[bool] = []

    root = groups.find
    for _value, u, v in edges:
        if u == v or not (0 <= u < n and 0 <= v < n):
            continue
        ru, rv = root(u), root(v)
        if ru == rv:
            continue
        # Cluster of u goes left with u at its right end; cluster of v right with v first.
        reverse_u = first[ru] == u and last[ru] != u
        reverse_v = last[rv] == v and first[rv] != v
        left.append(node_of[ru])
        right.append(node_of[rv])
        flip_left.append(reverse_u)
        flip_right.append(reverse_v)
        new_first = last[ru] if reverse_u else first[ru]
        new_last = first[rv] if reverse_v else last[rv]
        ru = groups.join_roots(ru, rv)
        node_of[ru] = n + len(left) - 1
        first[ru], last[ru] = new_first, new_last

    def leaves(top: int) -> list[int]:
        out: list[int] = []
        stack = [(top, False)]
        while stack:
            node, reverse = stack.pop()
            if node < n:
                out.append(node)
                continue
            k = node - n
            children = [(left[k], reverse != flip_left[k]), (right[k], reverse != flip_right[k])]
            if reverse:
                children.reverse()
            stack.extend(reversed(children))  # popped in order
        return out

    roots = sorted({root(x) for x in range(n)}, key=lambda r: (-groups.size[r], r))
    order: list[int] = []
    for r in roots:
        order.extend(leaves(node_of[r]) if groups.size[r] > 1 else [r])
    return order


def group_blocks(
    order: Sequence[int], pairs: Mapping[tuple[int, int], float], threshold: float = 0.05, smallest: int = 3
) -> list[tuple[int, int]]:
    """(first place, size) of each run of ``order`` whose articles are linked by pairs >= ``threshold``.

    With the order of :func:`cluster_order`, every such group is one contiguous run (a
    single-linkage cluster at that height), so the heat map can frame it as one block.
    Groups smaller than ``smallest`` are left out.
    """
    groups = DisjointSets(order)
    for (i, j), value in pairs.items():
        if value >= threshold and i in groups and j in groups:
            groups.union(i, j)
    root = groups.find
    blocks = []
    start = 0
    for place in range(1, len(order) + 1):
        if place == len(order) or root(order[place]) != root(order[start]):
            if place - start >= smallest:
                blocks.append((start, place - start))
            start = place
    return blocks


