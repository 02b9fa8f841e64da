"""On whose word: direct quotes, sourcing phrases, and each event's attribution, date and place.

Three pipeline components live here: ``eventwire_quotes`` (:mod:`.quotes`), ``eventwire_sources``
(:mod:`.sources`) and ``eventwire_event_context`` (:mod:`.event_context`).
"""
