UPDATE plays SET channel = 'pigeon', status = 'maybe', start_date = '9999-99-99', due_date = '-1', target_role = 'x', target_stakeholder = 123456;
