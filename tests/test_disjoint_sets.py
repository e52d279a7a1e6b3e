"""Union-find: the one the quote clusters, the corpus order and its groups share."""

from hypothesis import given
from hypothesis import strategies as st

from viewer.core.structures.disjoint_sets import DisjointSets


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=60))
def test_groups_are_the_connected_components(pairs):
    sets = DisjointSets(range(31))
    for a, b in pairs:
        sets.union(a, b)
    # Reference: grow components by search.
    neighbours = {i: set() for i in range(31)}
    for a, b in pairs:
        neighbours[a].add(b)
        neighbours[b].add(a)
    for start in range(31):
        seen, todo = {start}, [start]
        while todo:
            for other in neighbours[todo.pop()] - seen:
                seen.add(other)
                todo.append(other)
        assert {i for i in range(31) if sets.find(i) == sets.find(start)} == seen
        assert sets.size[sets.find(start)] == len(seen)


def test_join_roots_puts_the_smaller_group_under_the_larger():
    sets = DisjointSets(range(4))
    sets.union(1, 2)
    big = sets.find(1)
    assert sets.join_roots(0, big) == big and sets.size[big] == 3
    assert sets.join_roots(3, sets.find(0)) == big and sets.size[big] == 4
