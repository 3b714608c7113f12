"""A request's loaders are made as its fields first reach them, once each."""

from strawberry.dataloader import DataLoader

from portal.api.loaders import Loaders, Reader


def test_a_loader_is_made_on_first_use_and_kept_for_the_request():
    loaders = Loaders(Reader(session=None), {})  # type: ignore[arg-type]
    made = lambda: [name for name, value in vars(loaders).items() if isinstance(value, DataLoader)]  # noqa: E731
    assert made() == []
    assert loaders.organisation is loaders.organisation
    assert made() == ["organisation"]
