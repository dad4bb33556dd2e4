UPDATE stakeholders SET roles = -1, influence = 9, strength = -4, sentiment = 'ecstatic', support = x'00', last_contact = '2026-02-30';
