"""Knowledge: the lexicons (actors, places, topics, triggers, boilerplate) and their loading."""
