package io.hardhats.cameras;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CameraRepository extends JpaRepository<Camera, UUID> {

    List<Camera> findAllByOrderByCreatedAtAsc();
}
