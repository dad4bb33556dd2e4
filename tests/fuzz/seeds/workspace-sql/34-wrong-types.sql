UPDATE accounts SET employees = 'many', annual_revenue = x'00', acv_potential = 1e308 * 10, tier = 7, target = 2, tier_locked = 9, cluster_id = -5;
