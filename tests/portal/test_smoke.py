def test_home_page_is_served(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert "Early Help in Leicester" in response.content.decode()
