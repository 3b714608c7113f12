"""A local authority's history of looked-after children and child protection, as the DfE returns
(SSDA903, CIN census) carry it: imported from those files, counted for the IRO annual report, and
written back out as the reviews file."""
