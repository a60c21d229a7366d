from accords.pipeline import process_text


def reading(text: str) -> list[list[str]]:
    return [p.actors for p in process_text(text, "t.txt").provisions]


STATEMENT = (
    "At the invitation of President Lee Jae Myung, General Secretary To Lam paid a state visit to the "
    "Republic of Korea from 10 to 13 August 2025.\n"
    "1. The two sides agreed to expand cooperation in renewable energy.\n"
    "2. The Korean side agreed to send experts to Viet Nam.\n"
    "3. Viet Nam and the Republic of Korea will open new air routes.\n"
    '4. "Korea is our friend," To Lam said, and he invited President Lee to visit Hanoi.\n'
)


def test_both_sides_one_side_joined_states_and_quoted_speech() -> None:
    actors = reading(STATEMENT)
    assert actors[1] == ["KR", "VN"]
    assert actors[2] == ["KR"]
    assert actors[3] == ["KR", "VN"]
    assert actors[4] == ["VN"]
