"""Every person in the test world, by key."""

EVERYONE = ["chair_a", "chair_a2", "bs_a", "sw_a", "chair_b", "bs_b", "gp1_author", "gp1_colleague", "gp2_author", "school_author", "guardian_1", "guardian_2"]
