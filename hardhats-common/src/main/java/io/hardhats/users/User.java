package io.hardhats.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.hardhats.persistence.TenantOwned;

@Entity
@Table(name = "users")
public class User extends TenantOwned {

    @Id
    private UUID id;

    private String email;

    private String passwordHash;

    private String fullName;

    private Role role;

    @Column(name = "is_active")
    private boolean active;

    private Instant lastLogin;

    @Column(updatable = false)
    private Instant createdAt;

    /** Session tokens carry this; only those of the current version are accepted. */
    private int sessionVersion;

    protected User() {
    }

    public User(String email, String passwordHash, String fullName, Role role) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.passwordHash = passwordHash;
        this.fullName = fullName;
        this.role = role;
        this.active = true;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public UUID getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public boolean isActive() {
        return active;
    }

    /**
     * Deactivating or reactivating ends every session: a token issued before a deactivation must
     * not come back to life when the person is reactivated.
     */
    public void setActive(boolean active) {
        if (this.active != active) {
            endAllSessions();
        }
        this.active = active;
    }

    public Instant getLastLogin() {
        return lastLogin;
    }

    public void setLastLogin(Instant lastLogin) {
        this.lastLogin = lastLogin;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getSessionVersion() {
        return sessionVersion;
    }

    /** Makes every session token issued so far unusable. */
    public void endAllSessions() {
        sessionVersion++;
    }
}
