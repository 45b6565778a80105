"""Precision of the stance guesser (review.mail.stance.suggest_stance) per stance, on a labelled
set of short list messages written for this bench (our own words, in the style of license-review
mail; each labelled with the stance a moderator would give it).

A stance whose precision is under 0.9 must not be preselected in the import preview:
review.mail.stance.CONFIDENT lists the ones that pass. Run: .venv/bin/python bench/mail_stance.py
The last line is JSON.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from review.mail.stance import CONFIDENT, suggest_stance  # noqa: E402

LABELLED: list[tuple[str, str]] = [
    # objection
    ("I object to 2.2(b): a notice on every output dataset is a restriction on use.", "objection"),
    ("This clause violates OSD 6, so the license cannot be approved as written.", "objection"),
    ("Section 4 discriminates against commercial users. That fails the definition.", "objection"),
    ("The field-of-use ban makes this non-free. I would reject it.", "objection"),
    ("Clause 7 conflicts with the GPL; the two cannot be combined.", "objection"),
    ("That is still a restriction on use, and I object to it as written.", "objection"),
    ("I oppose approval until 3(a) goes. It is not open source with it.", "objection"),
    ("Article 5 is incompatible with the DFSG. Strong no from me.", "objection"),
    ("The notice requirement is a deal-breaker for distributors.", "objection"),
    # concern
    ("I am worried that 2.2(b) reaches data the licensor never saw.", "concern"),
    ("The wording of clause 4 is ambiguous about derived models.", "concern"),
    ("My concern is that 'output' is vague enough to cover everything.", "concern"),
    ("Section 9 looks problematic for mirrors, though I may be reading it wrong.", "concern"),
    ("I'm uneasy about the termination clause; it could bite downstream users.", "concern"),
    ("The attribution duty seems heavy for small projects.", "concern"),
    ("There is some risk that 3(a) is read as a patent grant limit.", "concern"),
    ("It is unclear whether the notice must travel with every copy.", "concern"),
    # proposal
    ("I propose we narrow 2.2(b) to redistributed datasets only.", "proposal"),
    ("Suggest replacing 'output' with 'redistributed output' in clause 4.", "proposal"),
    ("How about moving the use limits into a separate policy?", "proposal"),
    ("We could drop the notice and keep the README requirement instead.", "proposal"),
    ("I'd settle for a notice in the dataset's README. That meets 2.2(b).", "proposal"),
    ("Let's reword Section 3 so it only covers the model weights.", "proposal"),
    ("Recommend adding an explicit exception for research use.", "proposal"),
    ("Perhaps the steward can amend 5.1 to match Apache's wording.", "proposal"),
    # support
    ("I support approval; clause 4 is fine as it stands.", "support"),
    ("+1, this reads well to me.", "support"),
    ("Agreed, the new 2.2(b) is narrow enough now.", "support"),
    ("No objection from me to the revised draft.", "support"),
    ("LGTM. Draft 4 fixes what I raised.", "support"),
    ("I'm happy with Section 7 after the change.", "support"),
    ("Looks good to me, I'd vote to approve.", "support"),
    ("We don't need a notice on generated data at all; the model card already covers it.", "support"),
    # question
    ("Does 2.2(b) apply to synthetic data?", "question"),
    ("Is clause 4 meant to cover fine-tuned weights too?", "question"),
    ("What does 'output' mean in Section 3? Who decides?", "question"),
    ("Can a distributor comply with 5.1 without shipping the dataset?", "question"),
    ("Clause 2.2(b) would make every dataset carry our notice. Is that acceptable under OSD 6?", "question"),
    ("Which version of the draft are we discussing?", "question"),
    ("Would this conflict with the sixth criterion?", "question"),
    # note
    ("For the record, draft 4 is attached.", "note"),
    ("The steward will publish the next draft on Monday.", "note"),
    ("Forwarding Ada's reply from the other list.", "note"),
    ("Secondo me l'obbligo va oltre il modello.", "note"),
    ("Thanks, I'll read it over the weekend.", "note"),
    ("The object code of the tool is under MIT.", "note"),
    ("Minutes of the call are on the wiki.", "note"),
    ("Resending, the first mail bounced.", "note"),
]


def main() -> None:
    guessed: Counter[str] = Counter()
    right: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    misses = []
    for text, label in LABELLED:
        guess = suggest_stance(text)
        guessed[guess] += 1
        labels[label] += 1
        if guess == label:
            right[guess] += 1
        else:
            misses.append((label, guess, text))
    precision = {s: round(right[s] / guessed[s], 3) for s in sorted(guessed)}
    recall = {s: round(right[s] / labels[s], 3) for s in sorted(labels)}
    for label, guess, text in misses:
        print(f"miss: labelled {label:9s} guessed {guess:9s} {text}")
    for s in sorted(set(guessed) | set(labels)):
        mark = "preselected" if s in CONFIDENT else "hint only"
        print(
            f"{s:10s} precision {precision.get(s, 0):.2f} ({right[s]}/{guessed[s]}) recall {recall.get(s, 0):.2f}  {mark}"
        )
    passing = sorted(s for s, p in precision.items() if p >= 0.9 and s != "note")
    print(
        json.dumps(
            {
                "bench": "mail.stance",
                "messages": len(LABELLED),
                "precision": precision,
                "recall": recall,
                "at_least_0_9": passing,
                "preselected": sorted(CONFIDENT),
            }
        )
    )


if __name__ == "__main__":
    main()
