"""Issue 19 (branch hints17): one sentence for each alternative of the round's new ``unless``
clauses that no other test tells apart (``python bench/hints_reach.py --kill``): with the
alternative deleted, the sentence's hints change. Pure; the wording is our own.
"""

import pytest

from licenses.text.hints import candidate_hints


def numbers(text: str) -> set[int]:
    return {h.number for h in candidate_hints(text)}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # copies passed on free of charge under a grant the licensee is deemed to make back
        (
            "If you publish your work, you are deemed to have granted that copies of it go to the Owner free of charge.",
            1,
        ),
        # passing copies to those who work for you, each wording alone
        ("You may distribute the Tool to a contractor for the sole purpose of having it built.", 1),
        ("You may distribute the Tool to a contractor who works exclusively for you.", 1),
        # a grant the licensee makes, not one it gets
        ("You hereby grant the Owner the right to copy and distribute the Tool.", 1),
        # the passive grant with the work as subject, held back by each kind of sentence
        ("This software may be used and distributed under the patents of the Owner.", 1),
        ("This software may be used and distributed where it does not infringe.", 1),
        ("This software may be used and distributed, which indicates your acceptance.", 1),
        ("This software may be used and distributed, and you indicate that you accept these terms.", 1),
        ("This software may be distributed without using the names of the Owner.", 1),
        ("This software may be distributed, but not to endorse a product.", 1),
        ("This software may be distributed, but not to promote a product.", 1),
        ("This software may be distributed in object code form.", 1),
        ("This software may be distributed under the terms set out below.", 1),
        # "give copies" beside a patent or an infringement
        ("You may give copies to anyone who holds a patent on it.", 1),
        ("You may give copies to anyone, unless that would infringe.", 1),
        # a work that may be modified under a grant the licensee is deemed to make back
        ("If you publish your work, you are deemed to have granted that it may be modified in any way.", 3),
        # for the purposes of a part of the license: a definition or a scope explained
        ('For the purposes of binary copies, "Copy" shall mean any reproduction.', 6),
        ('For the purposes of binary copies, a "Copy" is defined as any reproduction.', 6),
        ("For the purpose of building it, giving the Tool to a maker does not constitute distribution.", 6),
        # commercial advantage sought by advertising or promotion, not a limit on use
        ("You may not advertise the Agency's role to obtain commercial advantage.", 6),
        ("No promotional material may seek commercial advantage from the Agency's role.", 6),
    ],
)
def test_the_round_s_exceptions_each_hold_a_hint_back(text, absent):
    assert absent not in numbers(text)
