UPDATE activities SET kind = '', day = '0000-00-00', stakeholder_id = -1, account_id = 987654;
