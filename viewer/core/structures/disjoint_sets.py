"""Disjoint sets (union-find) with path halving: the one used for clusters of quotes and articles."""

from __future__ import annotations

from collections.abc import Hashable, Iterable


class DisjointSets:
    """Groups of items joined pairwise; ``find`` names a group by one of its members."""

    def __init__(self, items: Iterable[Hashable] = ()) -> None:
        self.parent: dict[Hashable, Hashable] = {item: item for item in items}
        self.size: dict[Hashable, int] = dict.fromkeys(self.parent, 1)  # of each group, by its root

    def add(self, item: Hashable) -> None:
        if item not in self.parent:
            self.parent[item] = item
            self.size[item] = 1

    def __contains__(self, item: Hashable) -> bool:
        return item in self.parent

    def find(self, item: Hashable) -> Hashable:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: Hashable, b: Hashable) -> bool:
        """Join the groups of ``a`` and ``b`` (``a``'s root goes under ``b``'s); False if already one."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return False
        self.parent[root_a] = root_b
        self.size[root_b] += self.size.pop(root_a)
        return True

    def join_roots(self, root_a: Hashable, root_b: Hashable) -> Hashable:
        """Join two groups by their roots, the smaller under the larger (``root_a`` on a tie); the new root."""
        if self.size[root_a] < self.size[root_b]:
            root_a, root_b = root_b, root_a
        self.parent[root_b] = root_a
        self.size[root_a] += self.size.pop(root_b)
        return root_a
