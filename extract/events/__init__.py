"""Events: building a document's events with their dates, actors, places, topics and titles."""
