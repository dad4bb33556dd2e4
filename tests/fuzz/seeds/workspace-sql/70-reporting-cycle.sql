UPDATE stakeholders SET reports_to = (SELECT max (id) FROM stakeholders s WHERE s.account_id = stakeholders.account_id AND s.id <> stakeholders.id), dotted_to = id;
