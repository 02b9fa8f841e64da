"""The public surface is deliberate: adding or removing a name is a visible change."""

import eventwire


def test_all_is_pinned() -> None:
    assert sorted(eventwire.__all__) == [
        "Article", "Attribution", "DateMention", "DateValue", "Entity", "Event",
        "EventwireError", "InputError", "Place", "Quantity", "Quote", "Source", "TextSpan",
        "__version__",
    ]


def test_every_exported_name_exists() -> None:
    for name in eventwire.__all__:
        assert hasattr(eventwire, name), name
