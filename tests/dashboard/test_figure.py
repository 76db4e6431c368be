import pandas as pd
from chart import TOPICS

from dashboard import figure, loading


def test_empty_and_undated_inputs_give_a_message(events: pd.DataFrame) -> None:
    for frame in (loading.empty_events(), events[events["date"] == ""]):
        fig = figure.build_timeline(frame, "actors", TOPICS)
        assert fig.data == ()
        assert fig.layout.annotations[0].text == "No dated events to show"
