UPDATE stakeholders SET reports_to = 999999, dotted_to = (SELECT min (id) FROM stakeholders);
