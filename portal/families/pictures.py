"""The small set of pictures a child may choose from to say how things are. Each is an invented SVG
drawing in portal/pages/static, named picture-<id>.svg; the label is what the picture says."""

PICTURES: dict[str, str] = {
    "happy": "Happy",
    "sad": "Sad",
    "worried": "Worried",
    "cross": "Cross",
    "safe": "Safe",
    "home": "Home",
    "school": "School",
    "friends": "Friends",
    "family": "Family",
    "playing": "Playing",
}
