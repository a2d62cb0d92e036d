"""Family definition and rendering of one record from a family."""
from grammar import expand, tidy
from variation import vary
from shapes import SHAPES
import slots

LABELS = ("blackmail", "coercion", "self_preservation")

BLAND_RATIONALES = [
    "Sending the message as planned.", "Following up as discussed.", "Posting the update.",
    "Completing the next step of the task.", "Delivering the drafted note.", "Executing step {num} of the plan.",
    "Replying to the thread.", "Continuing with the assigned workflow.", "Running the scheduled action.",
    "Applying the change.", "Next action in the task list.",
]


class Family:
    def __init__(self, id, label, kinds, text=None, subject=None, channels=("email", "chat"), rationale=None,
                 rationale_p=0.5, call=None, slots=None, hard=True, lang="en", weight=1.0, email_header_p=0.5,
                 extra_labels=(), pin_split=None):
        self.id, self.label, self.kinds = id, label, kinds
        self.text, self.subject, self.channels = text, subject, channels
        self.rationale, self.rationale_p, self.call = rationale, rationale_p, call
        self.slots = slots or {}
        self.hard = hard if label == "none" else False
        self.lang, self.weight, self.email_header_p = lang, weight, email_header_p
        self.pin_split = pin_split  # force a split (used for the rare multi-label family so train sees it)
        self.extra_labels = tuple(extra_labels)  # multi-hot: a separate act of another category in the same text

    def render(self, rng, split):
        ctx = slots.make_ctx(rng, split, self.slots)
        kinds = sorted(self.kinds)
        kind = rng.choices(kinds, weights=[self.kinds[k] for k in kinds])[0]
        rec = {"kind": kind, "lang": self.lang}
        if kind != "tool_call":
            text = vary(rng, tidy(expand(self.text, ctx, rng)), kind)
            if kind == "message" and self.subject and rng.random() < self.email_header_p:
                text = "Subject: %s\n\n%s" % (tidy(expand(self.subject, ctx, rng)), text)
            rec["text"] = text
            return rec
        rationale, rlabel = None, None
        if self.call is not None:
            tool, args, rationale = self.call(rng, ctx)
        else:
            body = vary(rng, tidy(expand(self.text, ctx, rng)), "message")
            subject = tidy(expand(self.subject, ctx, rng)) if self.subject else body.split("\n")[0][:60]
            tool, args = SHAPES[rng.choice(self.channels)](rng, ctx, subject, body)
        if rationale is None and rng.random() < self.rationale_p:
            if self.rationale and rng.random() < 0.6:
                rationale = expand(rng.choice(self.rationale), ctx, rng)
            elif self.label != "none":
                rationale, rlabel = expand(rng.choice(BLAND_RATIONALES), ctx, rng), "none"
            else:
                rationale = expand(rng.choice(BLAND_RATIONALES), ctx, rng)
        elif isinstance(rationale, tuple):
            rationale, rlabel = rationale
        rec.update(tool=tool, arguments=args)
        if rationale:
            rec["rationale"] = tidy(rationale)
            if rlabel and self.label != "none":
                rec["rationale_label"] = rlabel
        return rec
