"""The quiz form as a load-test learner sees it: which inputs it has, which values they
offer, which values the page shows as already given (a saved draft), and a plausible
learner's answers. Used by load/locustfile.py (`make load`) and load/examday.py."""

import random
from html.parser import HTMLParser


class QuizForm(HTMLParser):
    """Radio/checkbox values, text boxes and selects (with their options), in page order,
    and `shown`: the values the page marks as given ({name: [values]})."""

    def __init__(self):
        super().__init__()
        self.choices, self.texts, self.selects, self._select = {}, [], {}, None
        self.order, self.shown = [], {}

    def _seen(self, name):
        if name not in self.order:
            self.order.append(name)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and name != "csrfmiddlewaretoken":
            if attrs.get("type") in ("radio", "checkbox"):
                self._seen(name)
                self.choices.setdefault(name, []).append(attrs.get("value", ""))
                if "checked" in attrs:
                    self.shown.setdefault(name, []).append(attrs.get("value", ""))
            elif attrs.get("type") == "text":
                self._seen(name)
                self.texts.append((name, attrs.get("inputmode")))
                if attrs.get("value"):
                    self.shown[name] = [attrs["value"]]
        elif tag == "select" and name:
            self._seen(name)
            self._select = name
            self.selects[name] = []
        elif tag == "option" and self._select and attrs.get("value"):
            self.selects[self._select].append(attrs["value"])
            if "selected" in attrs:
                self.shown.setdefault(self._select, []).append(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def parse(html):
    form = QuizForm()
    form.feed(html)
    return form


def answers_for(html):
    """A plausible learner's answers: one option per question, a word or a year, positions 1..n."""
    return answers_for_form(parse(html))


def answers_for_form(form):
    data = {name: random.choice(values) for name, values in form.choices.items()}
    data.update({name: "1949" if mode == "decimal" else "Article 5" for name, mode in form.texts})
    groups = {}
    for name, options in form.selects.items():
        groups.setdefault(name.rsplit("-", 1)[0], []).append((name, options))
    for fields in groups.values():
        if all(options == [str(n) for n in range(1, len(fields) + 1)] for _name, options in fields):
            positions = random.sample(range(1, len(fields) + 1), len(fields))  # ordering: each position once
            data.update({name: str(position) for (name, _options), position in zip(fields, positions, strict=True)})
        else:
            data.update({name: random.choice(options) for name, options in fields})  # matching
    return data


def by_question(form, answers):
    """The answers grouped per question ({question field: {input name: value}}), in page order.
    Inputs of one question share the name's part before the first '-'."""
    questions = {}
    for name in form.order:
        if name in answers:
            questions.setdefault(name.split("-")[0], {})[name] = answers[name]
    return questions
